namespace MotCua.Core.Catalogue;

public sealed record ProcessingTimeView(decimal Value, string Unit, string? Note, string Description);

/// <summary>A procedure in a list or a search result (API.md "Catalogue").</summary>
public sealed record ProcedureSummary(
    string Code,
    string Name,
    string Field,
    string FieldName,
    IReadOnlyList<string> Levels,
    string OnlineLevel,
    ProcessingTimeView ProcessingTime,
    string Agency,
    bool Abolished,
    double? Score,
    IReadOnlyList<string>? Matched);

public sealed record FieldSummary(string Code, string Name, int Procedures);

public sealed record ComponentView(Guid Id, string Name, int Copies, bool Original, bool Required, string? Form, string? FormUrl, string? FormFileName);

public sealed record FeeView(string Name, string Kind, long AmountVnd, long? MaxVnd, string? Exemptions, int OnlineDiscountPercent, string? Note, string Description);

public sealed record StepView(string Name, string Role, string RoleName, decimal Share, decimal? FixedHours);

public sealed record ConsultedView(string Name, string? UnitKind, ProcessingTimeView Time);

public sealed record InterAgencyView(string LeadAgency, IReadOnlyList<ConsultedView> Consulted);

public sealed record AnnouncementView(string? DecisionNumber, DateOnly? DecisionDate, DateOnly? EffectiveDate, DateOnly? LegalBasisEffectiveDate, DateOnly? PublishedOnNationalDatabase);

/// <summary>Everything Decree 63/2010 art. 8 requires a published procedure to show.</summary>
public sealed record ProcedureDetail(
    string Code,
    Guid VersionId,
    int Version,
    string State,
    string Kind,
    bool Abolished,
    string Name,
    string Field,
    string FieldName,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> LevelNames,
    string Agency,
    ProcessingTimeView ProcessingTime,
    string OnlineLevel,
    string OnlineLevelName,
    bool Postal,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> ImplementationSteps,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<FeeView> Fees,
    IReadOnlyList<StepView> Steps,
    InterAgencyView? InterAgency,
    string? Applicants,
    string? Conditions,
    string? Result,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Keywords,
    AnnouncementView Announcement,
    string? ReviewNote,
    DateTimeOffset UpdatedAt);

/// <summary>A version in a procedure's history or an editor's work list.</summary>
public sealed record VersionSummary(
    Guid Id,
    string Code,
    int Version,
    string State,
    string Kind,
    string Name,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateOnly? EffectiveDate,
    bool IsCurrent,
    string? ReviewNote,
    string CreatedBy,
    DateTimeOffset UpdatedAt);

public sealed record AnnounceRequest(string? DecisionNumber, string? DecisionDate, string? EffectiveDate, string? LegalBasisEffectiveDate);

public sealed record ReturnRequest(string? Note);

public sealed record AbolishRequest(string? Reason);

public sealed record PublicationRequest(string? PublishedOnNationalDatabase);
