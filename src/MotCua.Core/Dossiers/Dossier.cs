using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

public enum ApplicantKind
{
    Person,
    Organisation,
}

/// <summary>A dossier (hồ sơ): one application, from the desk to the returned result.</summary>
public sealed class Dossier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary><c>&lt;agency code&gt;-YYMMDD-NNNN</c>; null for a dossier refused or returned for completion at the desk.</summary>
    public string? Code { get; set; }

    /// <summary>The national portal's id of an online dossier that came from NPSP.</summary>
    public string? NpspId { get; set; }

    public Guid ProcedureId { get; set; }

    /// <summary>The procedure version the dossier was received under; it keeps it for life.</summary>
    public Guid ProcedureVersionId { get; set; }

    public string ProcedureCode { get; set; } = "";

    public string ProcedureName { get; set; } = "";

    public string FieldCode { get; set; } = "";

    public Channel Channel { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    public string ApplicantName { get; set; } = "";

    public string? ApplicantPersonalId { get; set; }

    public string? ApplicantEnterpriseCode { get; set; }

    public string? ApplicantPhone { get; set; }

    /// <summary>Last four digits of the phone: the second key of the public lookup.</summary>
    public string? PhoneLast4 { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? ApplicantAddress { get; set; }

    /// <summary>The one-stop desk that received it, and where the result goes back to.</summary>
    public Guid ReceivingUnitId { get; set; }

    /// <summary>The lead (competent) agency.</summary>
    public Guid ProcessingUnitId { get; set; }

    public DossierStatus Status { get; set; }

    public Outcome? Outcome { get; set; }

    public int CurrentStepIndex { get; set; }

    public StepRole CurrentStepRole { get; set; }

    public Guid CurrentUnitId { get; set; }

    public Guid? CurrentAssigneeId { get; set; }

    public string? CurrentAssigneeName { get; set; }

    public DateTimeOffset? CurrentStepDeadline { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The due moment in force (after a restart or an apology).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The due moment printed on the receipt.</summary>
    public DateTimeOffset? OriginalDueAt { get; set; }

    /// <summary>When processing ended: result ready, withdrawn or stopped.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public ReturnMethod? ReturnMethod { get; set; }

    /// <summary>Early, on time or late: set when processing ends (result ready, withdrawn, stopped).</summary>
    public Timeliness? Timeliness { get; set; }

    public ClockState ClockState { get; set; }

    /// <summary>When the clock last changed state (started, suspended, resumed, restarted).</summary>
    public DateTimeOffset? ClockSince { get; set; }

    /// <summary>Working time left when the clock was suspended.</summary>
    public long RemainingTicks { get; set; }

    public decimal AllowanceValue { get; set; }

    public TimeUnit AllowanceUnit { get; set; }

    /// <summary>The procedure's processing time when received (the clock restarts with it after a supplement).</summary>
    public ProcessingTime Allowance => new(AllowanceValue, AllowanceUnit);

    public int SupplementRequests { get; set; }

    /// <summary>Every submitted component was scanned at reception (the 766 digitisation rate).</summary>
    public bool Digitised { get; set; }

    /// <summary>At least one of its status changes reached the national portal (the 766 synchronisation rate).</summary>
    public bool NpspSynced { get; set; }

    public bool Apologized { get; set; }

    public string? ApologyReason { get; set; }

    public DateTimeOffset? ApologizedAt { get; set; }

    /// <summary>Whether the apology was sent at least one working day before the due moment, as the law asks.</summary>
    public bool? ApologyTimely { get; set; }

    public string? ResultNumber { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Why it was refused at the desk, returned for completion, rejected, withdrawn or stopped.</summary>
    public string? Reason { get; set; }

    /// <summary>Every missing item, for a dossier returned for completion at the desk (form 02) or during processing.</summary>
    public string? MissingItems { get; set; }

    public string? Note { get; set; }

    /// <summary>The dossier's id in the previous one-stop system it was imported from (imports are idempotent on it).</summary>
    public string? SourceId { get; set; }

    public Guid? ReceivedById { get; set; }

    public string ReceivedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two officers acting at once, one wins.</summary>
    public int Version { get; set; }

    public List<DossierDocument> Documents { get; set; } = [];

    public bool IsPerson => ApplicantKind == ApplicantKind.Person;

    public static bool AllScanned(IReadOnlyCollection<DossierDocument> documents) => documents.Count > 0 && documents.All(d => d.FileId != null);
}

/// <summary>A component the applicant submitted, with its scan when digitised.</summary>
public sealed class DossierDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public Guid ComponentId { get; set; }

    public string Name { get; set; } = "";

    public int Copies { get; set; }

    public bool Original { get; set; }

    public Guid? FileId { get; set; }
}

/// <summary>One stretch of the internal process at one unit (a line of form 05, the processing control sheet).</summary>
public sealed class DossierStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public int Index { get; set; }

    public string Name { get; set; } = "";

    public StepRole Role { get; set; }

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public Guid? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public Timeliness? Timeliness { get; set; }

    public string? FinishedByName { get; set; }

    public string? Note { get; set; }
}

/// <summary>Everything that happened to a dossier, in order: the history its page and reports read.</summary>
public sealed class DossierEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = "";

    public DossierStatus? FromStatus { get; set; }

    public DossierStatus ToStatus { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>The due moment in force after the event.</summary>
    public DateTimeOffset? DueAt { get; set; }
}

/// <summary>A consulted agency of an inter-agency (liên thông) dossier, with its own deadline.</summary>
public sealed class Consultation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string AgencyName { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredByName { get; set; }

    public Timeliness? Timeliness { get; set; }
}

/// <summary>The daily sequence of dossier codes per agency code (never reused: it only moves forward).</summary>
public sealed class DossierCodeCounter
{
    public string AgencyCode { get; set; } = "";

    public DateOnly Day { get; set; }

    public int Last { get; set; }
}

/// <summary>A reception request already handled, so that a retried POST returns the same dossier.</summary>
public sealed class IdempotencyRecord
{
    public Guid OfficerId { get; set; }

    public string Key { get; set; } = "";

    public string RequestHash { get; set; } = "";

    public Guid DossierId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
