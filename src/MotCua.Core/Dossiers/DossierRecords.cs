namespace MotCua.Core.Dossiers;

public sealed record ApplicantInput(
    string? Kind,
    string? FullName,
    string? PersonalId,
    string? EnterpriseCode,
    string? Phone,
    string? Email,
    string? Address);

public sealed record DocumentInput(Guid ComponentId, int? Copies, bool? Original, Guid? FileId);

/// <summary>POST /api/v1/dossiers (API.md).</summary>
public sealed record ReceiveDossierRequest(
    string? ProcedureCode,
    string? Channel,
    ApplicantInput? Applicant,
    Guid? ReceivingUnitId,
    Guid? ProcessingUnitId,
    IReadOnlyList<DocumentInput>? Documents,
    string? Note);

/// <summary>At the desk, instead of receiving: every missing item (form 02) or the reasons for refusing (form 03).</summary>
public sealed record DeskOutcomeRequest(
    string? ProcedureCode,
    string? Channel,
    ApplicantInput? Applicant,
    Guid? ReceivingUnitId,
    IReadOnlyList<string>? MissingItems,
    string? Reason);

/// <summary>The body of <c>POST /api/v1/dossiers/{code}/{action}</c>; each action reads the fields it needs.</summary>
public sealed record DossierActionRequest(
    string? Note,
    string? Reason,
    Guid? ToUnitId,
    Guid? AssigneeId,
    DateTimeOffset? NewDueAt,
    string? Method,
    IReadOnlyList<string>? MissingItems,
    string? ResultNumber,
    Guid? ConsultationId,
    string? Answer,
    int? Version);

public sealed record StepView(
    int Index,
    string Name,
    string Role,
    string UnitName,
    string? AssigneeName,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    string? OutcomeName,
    string? FinishedByName,
    string? Note);

public sealed record EventView(DateTimeOffset At, string Action, string? FromStatus, string ToStatus, string ActorName, string? Note, DateTimeOffset? DueAt);

public sealed record DocumentView(Guid ComponentId, string Name, int Copies, bool Original, Guid? FileId);

public sealed record ConsultationView(Guid Id, string AgencyName, string UnitName, DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? AnsweredAt, string? Answer, string? Outcome);

public sealed record ApplicantView(string Kind, string FullName, string? PersonalId, string? EnterpriseCode, string? Phone, string? Email, string? Address);

public sealed record SyncView(string Status, int Pending, int Failed, DateTimeOffset? LastSentAt, string? LastError);

/// <summary>A dossier as an officer in scope sees it, with its full history (API.md "Dossiers").</summary>
public sealed record DossierView(
    Guid Id,
    string? Code,
    string Status,
    string StatusName,
    string Channel,
    string ProcedureCode,
    string ProcedureName,
    Guid ProcedureVersionId,
    ApplicantView Applicant,
    Guid ReceivingUnitId,
    string ReceivingUnitName,
    Guid ProcessingUnitId,
    string ProcessingUnitName,
    string CurrentUnitName,
    string CurrentStep,
    string CurrentStepRole,
    string? CurrentAssigneeName,
    DateTimeOffset? CurrentStepDeadline,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? OriginalDueAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnMethod,
    string ProcessingTime,
    string ClockState,
    int SupplementRequests,
    bool Apologized,
    string? ApologyReason,
    string? Outcome,
    string? ResultNumber,
    string? Reason,
    IReadOnlyList<string> MissingItems,
    string? Note,
    string ReceivedByName,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<StepView> History,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<ConsultationView> Consultations,
    SyncView Sync,
    int Version,
    string? Timeliness,
    bool? ApologyTimely,
    int ProcedureVersion,
    IReadOnlyList<string> Fees);

/// <summary>An officer who may be handed the current step.</summary>
public sealed record AssigneeOption(Guid Id, string FullName);

/// <summary>A line of a work queue.</summary>
public sealed record DossierSummary(
    string? Code,
    string ProcedureName,
    string ApplicantName,
    string Status,
    string StatusName,
    string Channel,
    string CurrentStep,
    string? CurrentAssigneeName,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StepDeadline,
    string Urgency);

/// <summary>What anyone with the code and the phone's last four digits may see: no personal data.</summary>
public sealed record PublicDossierView(
    string Code,
    string ProcedureName,
    string Status,
    string StatusName,
    string Channel,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string? CurrentStep,
    string? CurrentAgency,
    bool Apologized,
    string? ApologyReason,
    DateTimeOffset? ResultReadyAt,
    DateTimeOffset? ReturnedAt);
