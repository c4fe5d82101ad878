namespace MotCua.Core.Catalogue;

/// <summary>
/// The editable content of a procedure version. Its JSON is a superset of <c>procedures.json</c>, so the
/// shipped catalogue, a JSON import and the editor's API all read the same shape.
/// </summary>
public sealed class ProcedureInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public List<string>? Levels { get; set; }
    public string? Agency { get; set; }
    public ProcessingTimeInput? ProcessingTime { get; set; }
    public List<FeeInput>? Fees { get; set; }
    public string? OnlineLevel { get; set; }
    public bool Postal { get; set; }
    public string? Result { get; set; }
    public List<ComponentInput>? Components { get; set; }

    /// <summary>The internal process (quy trình nội bộ), as <c>steps</c> in procedures.json.</summary>
    public List<StepInput>? Steps { get; set; }

    public List<string>? LegalBasis { get; set; }
    public string? Applicants { get; set; }
    public string? Conditions { get; set; }

    /// <summary>Trình tự thực hiện as the applicant reads it, one step per line.</summary>
    public string? ImplementationSteps { get; set; }

    public List<string>? Keywords { get; set; }
    public InterAgencyInput? InterAgency { get; set; }
    public string? LegalBasisEffectiveDate { get; set; }
}

public sealed class ProcessingTimeInput
{
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public string? Note { get; set; }
}

public sealed class FeeInput
{
    public string? Name { get; set; }

    /// <summary><c>fixed</c> (default) or <c>per_page</c>.</summary>
    public string? Kind { get; set; }

    public long? AmountVnd { get; set; }
    public long? MaxVnd { get; set; }
    public string? Exemptions { get; set; }
    public int? OnlineDiscountPercent { get; set; }
    public string? Note { get; set; }
}

public sealed class ComponentInput
{
    /// <summary>Kept across versions; empty for a new component.</summary>
    public Guid? Id { get; set; }

    public string? Name { get; set; }
    public int? Copies { get; set; }
    public bool? Original { get; set; }
    public string? Form { get; set; }
    public bool? Required { get; set; }
}

public sealed class StepInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public decimal? Share { get; set; }
    public decimal? FixedHours { get; set; }
}

public sealed class InterAgencyInput
{
    public string? LeadAgency { get; set; }
    public List<ConsultedInput>? Consulted { get; set; }
}

public sealed class ConsultedInput
{
    public string? Name { get; set; }
    public string? UnitKind { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
}
