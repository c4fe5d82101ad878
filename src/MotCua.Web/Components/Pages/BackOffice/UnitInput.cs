namespace MotCua.Web.Components.Pages.BackOffice;

/// <summary>Form model shared by the create and edit unit pages.</summary>
public sealed class UnitInput
{
    public Guid? ParentId { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; } = "xa";

    public string? AgencyCode { get; set; }

    public bool IsActive { get; set; } = true;
}
