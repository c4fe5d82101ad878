namespace MotCua.Core.Catalogue;

/// <summary>A procedure (thủ tục hành chính) across its versions; the content lives in <see cref="ProcedureVersion"/>.</summary>
public sealed class Procedure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>National code, e.g. <c>1.001193</c>; local variants may add a suffix (<c>1.001193.H49</c>).</summary>
    public string Code { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<ProcedureVersion> Versions { get; set; } = [];
}

public enum VersionState
{
    /// <summary>Being written by a catalogue editor (also after the reviewer returned it).</summary>
    Draft,
    /// <summary>Submitted to the procedure-control officer.</summary>
    InReview,
    /// <summary>Announced by a decision; in force from its effective date.</summary>
    Announced,
}

public enum VersionKind
{
    /// <summary>A new or amended procedure.</summary>
    Content,
    /// <summary>The announcement that abolishes the procedure; it stays visible as abolished.</summary>
    Abolition,
}

public enum OnlineLevel
{
    None,
    Partial,
    Full,
}

public enum FeeKind
{
    Fixed,
    /// <summary>An amount per page (copies, certifications) with an optional cap.</summary>
    PerPage,
}

/// <summary>One version of a procedure's content, from draft to announcement.</summary>
public sealed class ProcedureVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProcedureId { get; set; }

    public int Number { get; set; }

    public VersionState State { get; set; }

    public VersionKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string FieldCode { get; set; } = "";

    /// <summary>Implementing levels, comma-separated keys (<c>xa</c>, <c>tinh</c>, <c>nganh_doc</c>).</summary>
    public string Levels { get; set; } = "";

    /// <summary>Competent agency as published (e.g. "Ủy ban nhân dân cấp xã").</summary>
    public string Agency { get; set; } = "";

    public decimal ProcessingValue { get; set; }

    /// <summary><c>working_days</c>, <c>working_hours</c> or <c>days</c>.</summary>
    public string ProcessingUnit { get; set; } = "working_days";

    public string? ProcessingNote { get; set; }

    public OnlineLevel OnlineLevel { get; set; }

    public bool Postal { get; set; }

    /// <summary>Trình tự thực hiện: the steps as the applicant sees them.</summary>
    public string? ImplementationSteps { get; set; }

    public string? Result { get; set; }

    public string? Applicants { get; set; }

    public string? Conditions { get; set; }

    /// <summary>Editors' everyday phrasings for search, one per line.</summary>
    public string Keywords { get; set; } = "";

    /// <summary>Folded name and keywords (no diacritics): what a plain LIKE can match, for SQL-side filters and the benchmark baseline.</summary>
    public string SearchText { get; set; } = "";

    public List<string> LegalBasis { get; set; } = [];

    public List<Fee> Fees { get; set; } = [];

    public List<Component> Components { get; set; } = [];

    public List<ProcessStep> ProcessSteps { get; set; } = [];

    public InterAgencySetup? InterAgency { get; set; }

    /// <summary>Quyết định công bố: number, date and the date the version takes effect.</summary>
    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public DateOnly? EffectiveDate { get; set; }

    /// <summary>Effective date of the legal basis that required this version (Decision 766 indicator 1.1).</summary>
    public DateOnly? LegalBasisEffectiveDate { get; set; }

    /// <summary>Date published on the national procedure database (indicator 1.2).</summary>
    public DateOnly? PublishedOnNationalDatabase { get; set; }

    /// <summary>What this version changes, or why the procedure is abolished.</summary>
    public string? ChangeSummary { get; set; }

    public string? ReviewNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
}

/// <summary>A fee or charge (phí, lệ phí), integer VND.</summary>
public sealed class Fee
{
    public string Name { get; set; } = "";

    public FeeKind Kind { get; set; }

    /// <summary>The fixed amount, or the amount per page.</summary>
    public long AmountVnd { get; set; }

    /// <summary>Cap for per-page fees.</summary>
    public long? MaxVnd { get; set; }

    /// <summary>Who is exempt ("hộ nghèo, người khuyết tật…").</summary>
    public string? Exemptions { get; set; }

    /// <summary>Discount when filed and paid online, percent (0–100).</summary>
    public int OnlineDiscountPercent { get; set; }

    public string? Note { get; set; }
}

/// <summary>A required or optional dossier component (thành phần hồ sơ); the id is kept across versions.</summary>
public sealed class Component
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public int Copies { get; set; } = 1;

    /// <summary>True: the original (bản chính); false: a copy (bản sao).</summary>
    public bool Original { get; set; } = true;

    public bool Required { get; set; } = true;

    /// <summary>The form (mẫu đơn, tờ khai) it follows, as published.</summary>
    public string? FormName { get; set; }

    /// <summary>File-store key of the downloadable form, if uploaded.</summary>
    public string? FormFileKey { get; set; }

    public string? FormFileName { get; set; }

    public string? FormContentType { get; set; }
}

/// <summary>A step of the approved internal process (quy trình nội bộ).</summary>
public sealed class ProcessStep
{
    public string Name { get; set; } = "";

    /// <summary>Who performs it: <c>tiep_nhan</c>, <c>chuyen_vien</c>, <c>lanh_dao</c>, <c>van_thu</c>, <c>tra_ket_qua</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>Share of the processing time (0–1), unless a fixed number of working hours is set.</summary>
    public decimal Share { get; set; }

    public decimal? FixedHours { get; set; }
}

/// <summary>Liên thông: the lead agency and the agencies consulted in parallel, each with its own time.</summary>
public sealed class InterAgencySetup
{
    public string LeadAgency { get; set; } = "";

    public List<ConsultedAgency> Consulted { get; set; } = [];
}

public sealed class ConsultedAgency
{
    public string Name { get; set; } = "";

    /// <summary>Unit kind that answers (e.g. <c>cong_an</c>), used to route the consultation.</summary>
    public string? UnitKind { get; set; }

    public decimal Value { get; set; }

    public string Unit { get; set; } = "working_days";
}
