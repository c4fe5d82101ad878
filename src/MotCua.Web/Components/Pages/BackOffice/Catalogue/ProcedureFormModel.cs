using System.Globalization;
using MotCua.Core.Catalogue;

namespace MotCua.Web.Components.Pages.BackOffice.Catalogue;

/// <summary>
/// The draft editor's form: text everywhere (so that a mistyped number comes back with a message, not a
/// binding failure) and a few blank rows in each list to add components, fees or steps.
/// </summary>
public sealed class ProcedureFormModel
{
    public const int BlankRows = 2;

    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public bool LevelTinh { get; set; }
    public bool LevelHuyen { get; set; }
    public bool LevelXa { get; set; }
    public bool LevelNganhDoc { get; set; }
    public bool LevelTrungUong { get; set; }
    public string? Agency { get; set; }
    public string? ProcessingValue { get; set; }
    public string? ProcessingUnit { get; set; } = "working_days";
    public string? ProcessingNote { get; set; }
    public string? OnlineLevel { get; set; } = "khong";
    public bool Postal { get; set; }
    public string? Result { get; set; }
    public string? Applicants { get; set; }
    public string? Conditions { get; set; }
    public string? ImplementationSteps { get; set; }
    public string? LegalBasis { get; set; }
    public string? Keywords { get; set; }
    public string? ChangeSummary { get; set; }
    public string? InterLead { get; set; }

    public List<ComponentRow> Components { get => _components; set => _components = value ?? []; }
    public List<FeeRow> Fees { get => _fees; set => _fees = value ?? []; }
    public List<StepRow> Steps { get => _steps; set => _steps = value ?? []; }
    public List<ConsultedRow> Consulted { get => _consulted; set => _consulted = value ?? []; }

    private List<ComponentRow> _components = [];
    private List<FeeRow> _fees = [];
    private List<StepRow> _steps = [];
    private List<ConsultedRow> _consulted = [];

    public ProcedureFormModel WithBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
        {
            Components.Add(new ComponentRow());
            Fees.Add(new FeeRow());
            Steps.Add(new StepRow());
            Consulted.Add(new ConsultedRow());
        }
        return this;
    }

    public static ProcedureFormModel From(ProcedureInput input) => new()
    {
        Code = input.Code,
        Name = input.Name,
        Field = input.Field,
        LevelTinh = input.Levels?.Contains("tinh") == true,
        LevelHuyen = input.Levels?.Contains("huyen") == true,
        LevelXa = input.Levels?.Contains("xa") == true,
        LevelNganhDoc = input.Levels?.Contains("nganh_doc") == true,
        LevelTrungUong = input.Levels?.Contains("trung_uong") == true,
        Agency = input.Agency,
        ProcessingValue = input.ProcessingTime?.Value?.ToString("0.##", CultureInfo.InvariantCulture),
        ProcessingUnit = input.ProcessingTime?.Unit ?? "working_days",
        ProcessingNote = input.ProcessingTime?.Note,
        OnlineLevel = input.OnlineLevel ?? "khong",
        Postal = input.Postal,
        Result = input.Result,
        Applicants = input.Applicants,
        Conditions = input.Conditions,
        ImplementationSteps = input.ImplementationSteps,
        LegalBasis = string.Join('\n', input.LegalBasis ?? []),
        Keywords = string.Join('\n', input.Keywords ?? []),
        InterLead = input.InterAgency?.LeadAgency,
        Components = (input.Components ?? []).Select(c => new ComponentRow
        {
            Id = c.Id?.ToString(),
            Name = c.Name,
            Copies = c.Copies?.ToString(CultureInfo.InvariantCulture),
            Original = c.Original ?? true,
            Required = c.Required ?? true,
            Form = c.Form,
        }).ToList(),
        Fees = (input.Fees ?? []).Select(f => new FeeRow
        {
            Name = f.Name,
            Kind = f.Kind ?? "fixed",
            Amount = f.AmountVnd?.ToString(CultureInfo.InvariantCulture),
            Max = f.MaxVnd?.ToString(CultureInfo.InvariantCulture),
            Exemptions = f.Exemptions,
            Discount = f.OnlineDiscountPercent is > 0 ? f.OnlineDiscountPercent.Value.ToString(CultureInfo.InvariantCulture) : null,
            Note = f.Note,
        }).ToList(),
        Steps = (input.Steps ?? []).Select(s => new StepRow
        {
            Name = s.Name,
            Role = s.Role,
            Share = s.Share?.ToString("0.###", CultureInfo.InvariantCulture),
            FixedHours = s.FixedHours?.ToString("0.##", CultureInfo.InvariantCulture),
        }).ToList(),
        Consulted = (input.InterAgency?.Consulted ?? []).Select(c => new ConsultedRow
        {
            Name = c.Name,
            UnitKind = c.UnitKind,
            Value = c.Value?.ToString("0.##", CultureInfo.InvariantCulture),
            Unit = c.Unit ?? "working_days",
        }).ToList(),
    };

    /// <summary>The API's input; a number that cannot be read becomes -1 so that validation names the field.</summary>
    public ProcedureInput ToInput() => new()
    {
        Code = Code?.Trim(),
        Name = Name,
        Field = Field,
        Levels = new[] { (LevelTinh, "tinh"), (LevelHuyen, "huyen"), (LevelXa, "xa"), (LevelNganhDoc, "nganh_doc"), (LevelTrungUong, "trung_uong") }
            .Where(l => l.Item1).Select(l => l.Item2).ToList(),
        Agency = Agency,
        ProcessingTime = new ProcessingTimeInput { Value = Decimal(ProcessingValue), Unit = ProcessingUnit, Note = ProcessingNote },
        OnlineLevel = OnlineLevel,
        Postal = Postal,
        Result = Result,
        Applicants = Applicants,
        Conditions = Conditions,
        ImplementationSteps = ImplementationSteps,
        LegalBasis = Lines(LegalBasis),
        Keywords = Lines(Keywords),
        Components = Components.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => new ComponentInput
        {
            Id = Guid.TryParse(c.Id, out var id) ? id : null,
            Name = c.Name,
            Copies = (int?)Decimal(c.Copies) ?? 1,
            Original = c.Original,
            Required = c.Required,
            Form = c.Form,
        }).ToList(),
        Fees = Fees.Where(f => !string.IsNullOrWhiteSpace(f.Name)).Select(f => new FeeInput
        {
            Name = f.Name,
            Kind = f.Kind,
            AmountVnd = (long?)Decimal(f.Amount) ?? 0,
            MaxVnd = (long?)Decimal(f.Max),
            Exemptions = f.Exemptions,
            OnlineDiscountPercent = (int?)Decimal(f.Discount),
            Note = f.Note,
        }).ToList(),
        Steps = Steps.Where(s => !string.IsNullOrWhiteSpace(s.Name)).Select(s => new StepInput
        {
            Name = s.Name,
            Role = s.Role,
            Share = Decimal(s.Share),
            FixedHours = Decimal(s.FixedHours),
        }).ToList(),
        InterAgency = string.IsNullOrWhiteSpace(InterLead) ? null : new InterAgencyInput
        {
            LeadAgency = InterLead,
            Consulted = Consulted.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => new ConsultedInput
            {
                Name = c.Name,
                UnitKind = c.UnitKind,
                Value = Decimal(c.Value),
                Unit = c.Unit,
            }).ToList(),
        },
    };

    private static decimal? Decimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public sealed class ComponentRow
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Copies { get; set; } = "1";
        public bool Original { get; set; } = true;
        public bool Required { get; set; } = true;
        public string? Form { get; set; }
    }

    public sealed class FeeRow
    {
        public string? Name { get; set; }
        public string? Kind { get; set; } = "fixed";
        public string? Amount { get; set; }
        public string? Max { get; set; }
        public string? Exemptions { get; set; }
        public string? Discount { get; set; }
        public string? Note { get; set; }
    }

    public sealed class StepRow
    {
        public string? Name { get; set; }
        public string? Role { get; set; } = "chuyen_vien";
        public string? Share { get; set; }
        public string? FixedHours { get; set; }
    }

    public sealed class ConsultedRow
    {
        public string? Name { get; set; }
        public string? UnitKind { get; set; }
        public string? Value { get; set; }
        public string? Unit { get; set; } = "working_days";
    }
}
