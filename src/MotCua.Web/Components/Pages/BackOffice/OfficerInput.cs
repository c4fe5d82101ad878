using MotCua.Core.Identity;

namespace MotCua.Web.Components.Pages.BackOffice;

/// <summary>Form model of the officer pages; empty role rows are ignored.</summary>
public sealed class OfficerInput
{
    public const int RoleRows = 4;

    public string? UserName { get; set; }

    public string? FullName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public Guid UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Never null: the form binder may set null when no row is posted.</summary>
    public List<GrantRow> Grants
    {
        get => _grants;
        set => _grants = value ?? [];
    }

    private List<GrantRow> _grants = [];

    public OfficerInput WithBlankRows()
    {
        while (Grants.Count < RoleRows || Grants.All(g => !string.IsNullOrEmpty(g.Role)))
        {
            Grants.Add(new GrantRow());
        }
        return this;
    }

    public List<GrantRequest> ToRequests() =>
        Grants.Where(g => !string.IsNullOrEmpty(g.Role) && g.UnitId is not null).Select(g => new GrantRequest(g.Role, g.UnitId!.Value)).ToList();

    public sealed class GrantRow
    {
        public string? Role { get; set; }

        public Guid? UnitId { get; set; }
    }
}
