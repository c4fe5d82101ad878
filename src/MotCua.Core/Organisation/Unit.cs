using MotCua.Domain.Organisation;

namespace MotCua.Core.Organisation;

/// <summary>A node of the organisation tree (province, department, commune, one-stop desk…).</summary>
public sealed class Unit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? ParentId { get; set; }

    /// <summary>Ids of the ancestors and the unit itself, "/root/…/self/": a subtree is a path prefix.</summary>
    public string Path { get; set; } = "";

    public int Depth { get; set; }

    /// <summary>Stable key from the source catalogue (e.g. <c>qng-binhson</c>); optional for units created by hand.</summary>
    public string? ExternalKey { get; set; }

    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; }

    /// <summary>Agency code of the national catalogue, e.g. <c>000.00.01.H22</c>; starts dossier codes.</summary>
    public string AgencyCode { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string PathOf(Unit? parent, Guid id) => (parent?.Path ?? "/") + id.ToString("N") + "/";
}
