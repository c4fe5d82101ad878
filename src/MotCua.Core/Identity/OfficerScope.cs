using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;

namespace MotCua.Core.Identity;

/// <summary>The roles an officer holds and where: each grant covers a unit and its subtree.</summary>
public sealed class OfficerScope(Guid officerId, IReadOnlyList<(Role Role, Guid UnitId)> grants, UnitTree tree)
{
    public Guid OfficerId { get; } = officerId;

    public IReadOnlyList<(Role Role, Guid UnitId)> Grants { get; } = grants;

    public UnitTree Tree { get; } = tree;

    public bool HasRole(Role role) => Grants.Any(g => g.Role == role);

    /// <summary>True when the officer holds <paramref name="role"/> on <paramref name="unitId"/> or one of its ancestors.</summary>
    public bool Covers(Role role, Guid unitId) =>
        Grants.Any(g => g.Role == role && Tree.IsWithin(unitId, g.UnitId));

    /// <summary>True when the officer holds any role on the unit or above it.</summary>
    public bool CoversAny(Guid unitId) => Grants.Any(g => Tree.IsWithin(unitId, g.UnitId));

    /// <summary>Ids of every unit where the officer holds <paramref name="role"/>.</summary>
    public HashSet<Guid> UnitsFor(Role role) =>
        Grants.Where(g => g.Role == role).SelectMany(g => Tree.Subtree(g.UnitId)).Select(u => u.Id).ToHashSet();

    /// <summary>Ids of every unit where the officer holds any role.</summary>
    public HashSet<Guid> AllUnits() => Grants.SelectMany(g => Tree.Subtree(g.UnitId)).Select(u => u.Id).ToHashSet();
}
