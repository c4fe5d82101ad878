using MotCua.Domain.Organisation;

namespace MotCua.Core.Identity;

/// <summary>A role held by an officer on a unit and everything below it.</summary>
public sealed class RoleGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OfficerId { get; set; }

    public Role Role { get; set; }

    public Guid UnitId { get; set; }
}
