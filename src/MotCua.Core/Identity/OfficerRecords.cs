namespace MotCua.Core.Identity;

public sealed record GrantView(string Role, string RoleName, Guid UnitId, string UnitName);

public sealed record OfficerSummary(
    Guid Id,
    string UserName,
    string FullName,
    string? Email,
    string? Phone,
    Guid UnitId,
    string UnitName,
    bool IsActive,
    bool IsLockedOut,
    bool TotpEnabled,
    bool MustChangePassword,
    IReadOnlyList<GrantView> Roles);

public sealed record GrantRequest(string? Role, Guid UnitId);

public sealed record CreateOfficerRequest(
    string? UserName,
    string? FullName,
    string? Email,
    string? Phone,
    Guid UnitId,
    IReadOnlyList<GrantRequest>? Roles);

public sealed record UpdateOfficerRequest(
    string? FullName,
    string? Email,
    string? Phone,
    Guid UnitId,
    bool IsActive,
    IReadOnlyList<GrantRequest>? Roles);

/// <summary>A new officer with the generated first password, shown once; it must be changed at first sign-in.</summary>
public sealed record OfficerWithPassword(OfficerSummary Officer, string InitialPassword);
