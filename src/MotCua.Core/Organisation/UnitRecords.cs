namespace MotCua.Core.Organisation;

public sealed record UnitSummary(
    Guid Id,
    Guid? ParentId,
    string Name,
    string Kind,
    string KindName,
    string AgencyCode,
    bool IsActive,
    int Depth,
    string PathName);

public sealed record CreateUnitRequest(Guid? ParentId, string? Name, string? Kind, string? AgencyCode);

public sealed record UpdateUnitRequest(Guid? ParentId, string? Name, string? Kind, string? AgencyCode, bool IsActive = true);
