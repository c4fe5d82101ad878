using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Core.Common;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Text;

namespace MotCua.Core.Catalogue;

/// <summary>Validates editor and import input, writes it into a version, and reads versions back for the API.</summary>
public static partial class ProcedureContent
{
    [GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]{1,10})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>Checks <paramref name="input"/> and, if it is valid, writes it into <paramref name="version"/>. Field errors go to <paramref name="validation"/>, prefixed.</summary>
    public static bool Apply(ProcedureInput input, ProcedureVersion version, IReadOnlySet<string> fieldCodes, Validation validation, string prefix = "")
    {
        var before = validation.IsValid;
        var name = VietnameseText.Normalize(input.Name);
        validation.Required(prefix + "name", name, "tên thủ tục").MaxLength(prefix + "name", name, 1000, "tên thủ tục");
        var field = VietnameseText.Normalize(input.Field).ToUpperInvariant();
        if (!fieldCodes.Contains(field))
        {
            validation.Add(prefix + "field", $"Lĩnh vực \"{input.Field}\" không có trong danh mục lĩnh vực.");
        }
        var levels = (input.Levels ?? []).Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        if (levels.Count == 0)
        {
            validation.Add(prefix + "levels", "Vui lòng chọn ít nhất một cấp thực hiện.");
        }
        foreach (var level in levels.Where(l => !CatalogueTerms.Levels.ContainsKey(l)))
        {
            validation.Add(prefix + "levels", $"Cấp thực hiện \"{level}\" không hợp lệ.");
        }
        var agency = VietnameseText.Normalize(input.Agency);
        validation.Required(prefix + "agency", agency, "cơ quan giải quyết").MaxLength(prefix + "agency", agency, 500, "cơ quan giải quyết");

        var time = input.ProcessingTime;
        var unitKey = time?.Unit ?? "working_days";
        if (time?.Value is not { } value)
        {
            validation.Add(prefix + "processingTime.value", "Vui lòng nhập thời hạn giải quyết.");
            value = 0;
        }
        else if (value < 0)
        {
            validation.Add(prefix + "processingTime.value", "Thời hạn giải quyết không được âm.");
        }
        else if (value > 3650)
        {
            validation.Add(prefix + "processingTime.value", "Thời hạn giải quyết quá lớn.");
        }
        if (!ProcessingTime.TryParseUnit(unitKey, out var unit))
        {
            validation.Add(prefix + "processingTime.unit", $"Đơn vị thời hạn \"{unitKey}\" không hợp lệ (working_days, working_hours, days).");
        }

        var online = input.OnlineLevel ?? "khong";
        if (!CatalogueTerms.OnlineLevels.ContainsKey(online))
        {
            validation.Add(prefix + "onlineLevel", $"Mức độ dịch vụ công trực tuyến \"{online}\" không hợp lệ (toan_trinh, mot_phan, khong).");
        }

        var components = new List<Component>();
        for (var i = 0; i < (input.Components?.Count ?? 0); i++)
        {
            var c = input.Components![i];
            var componentName = VietnameseText.Normalize(c.Name);
            var key = $"{prefix}components[{i}]";
            validation.Required(key + ".name", componentName, "tên thành phần hồ sơ").MaxLength(key + ".name", componentName, 2000, "tên thành phần hồ sơ");
            if (c.Copies is < 1 or > 100)
            {
                validation.Add(key + ".copies", "Số bản phải từ 1 đến 100.");
            }
            var existing = c.Id is { } id ? version.Components.FirstOrDefault(x => x.Id == id) : null;
            components.Add(new Component
            {
                Id = c.Id ?? Guid.CreateVersion7(),
                Name = componentName,
                Copies = c.Copies ?? 1,
                Original = c.Original ?? true,
                Required = c.Required ?? true,
                FormName = Blank(c.Form),
                FormFileKey = existing?.FormFileKey,
                FormFileName = existing?.FormFileName,
                FormContentType = existing?.FormContentType,
            });
        }

        var fees = new List<Fee>();
        for (var i = 0; i < (input.Fees?.Count ?? 0); i++)
        {
            var f = input.Fees![i];
            var key = $"{prefix}fees[{i}]";
            var feeName = VietnameseText.Normalize(f.Name);
            validation.Required(key + ".name", feeName, "tên phí, lệ phí");
            var kind = f.Kind is null or "fixed" ? FeeKind.Fixed : f.Kind == "per_page" ? FeeKind.PerPage : (FeeKind?)null;
            if (kind is null)
            {
                validation.Add(key + ".kind", "Loại phí phải là fixed hoặc per_page.");
            }
            if (f.AmountVnd is null or < 0)
            {
                validation.Add(key + ".amountVnd", "Mức phí phải là số tiền không âm.");
            }
            if (f.MaxVnd is { } max && (max < 0 || max < (f.AmountVnd ?? 0)))
            {
                validation.Add(key + ".maxVnd", "Mức trần phải không nhỏ hơn mức phí.");
            }
            if (f.OnlineDiscountPercent is < 0 or > 100)
            {
                validation.Add(key + ".onlineDiscountPercent", "Mức giảm khi nộp trực tuyến phải từ 0 đến 100%.");
            }
            fees.Add(new Fee
            {
                Name = feeName,
                Kind = kind ?? FeeKind.Fixed,
                AmountVnd = f.AmountVnd ?? 0,
                MaxVnd = f.MaxVnd,
                Exemptions = Blank(f.Exemptions),
                OnlineDiscountPercent = f.OnlineDiscountPercent ?? 0,
                Note = Blank(f.Note),
            });
        }

        var steps = new List<ProcessStep>();
        for (var i = 0; i < (input.Steps?.Count ?? 0); i++)
        {
            var s = input.Steps![i];
            var key = $"{prefix}steps[{i}]";
            var stepName = VietnameseText.Normalize(s.Name);
            validation.Required(key + ".name", stepName, "tên bước xử lý");
            if (s.Role is null || !CatalogueTerms.StepRoles.ContainsKey(s.Role))
            {
                validation.Add(key + ".role", $"Vai trò \"{s.Role}\" của bước xử lý không hợp lệ.");
            }
            if (s.FixedHours is null && s.Share is null or < 0 or > 1)
            {
                validation.Add(key + ".share", "Tỷ lệ thời gian của bước phải từ 0 đến 1 (hoặc nhập số giờ cố định).");
            }
            if (s.FixedHours is < 0)
            {
                validation.Add(key + ".fixedHours", "Số giờ cố định không được âm.");
            }
            steps.Add(new ProcessStep { Name = stepName, Role = s.Role ?? "", Share = s.FixedHours is null ? s.Share ?? 0 : 0, FixedHours = s.FixedHours });
        }
        var shared = steps.Where(s => s.FixedHours is null).Sum(s => s.Share);
        if (steps.Any(s => s.FixedHours is null) && Math.Abs(shared - 1m) > 0.001m)
        {
            validation.Add(prefix + "steps", $"Tổng tỷ lệ thời gian các bước phải bằng 1 (hiện là {shared.ToString("0.###", CultureInfo.InvariantCulture)}).");
        }

        InterAgencySetup? interAgency = null;
        if (input.InterAgency is { } inter && (!string.IsNullOrWhiteSpace(inter.LeadAgency) || inter.Consulted is { Count: > 0 }))
        {
            validation.Required(prefix + "interAgency.leadAgency", inter.LeadAgency, "cơ quan chủ trì liên thông");
            interAgency = new InterAgencySetup { LeadAgency = VietnameseText.Normalize(inter.LeadAgency) };
            for (var i = 0; i < (inter.Consulted?.Count ?? 0); i++)
            {
                var c = inter.Consulted![i];
                var key = $"{prefix}interAgency.consulted[{i}]";
                validation.Required(key + ".name", c.Name, "cơ quan phối hợp");
                if (c.Value is null or < 0)
                {
                    validation.Add(key + ".value", "Thời hạn của cơ quan phối hợp không hợp lệ.");
                }
                if (!ProcessingTime.TryParseUnit(c.Unit ?? "working_days", out _))
                {
                    validation.Add(key + ".unit", "Đơn vị thời hạn không hợp lệ.");
                }
                interAgency.Consulted.Add(new ConsultedAgency { Name = VietnameseText.Normalize(c.Name), UnitKind = Blank(c.UnitKind), Value = c.Value ?? 0, Unit = c.Unit ?? "working_days" });
            }
        }

        DateOnly? legalBasisEffective = null;
        if (!string.IsNullOrWhiteSpace(input.LegalBasisEffectiveDate))
        {
            if (DateOnly.TryParseExact(input.LegalBasisEffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                legalBasisEffective = date;
            }
            else
            {
                validation.Add(prefix + "legalBasisEffectiveDate", "Ngày hiệu lực của văn bản quy định không đúng dạng yyyy-MM-dd.");
            }
        }

        if (validation.IsValid != before || !validation.IsValid)
        {
            return false;
        }
        var keywords = (input.Keywords ?? []).Select(VietnameseText.Normalize).Where(k => k.Length > 0).Distinct().ToList();
        version.Name = name;
        version.FieldCode = field;
        version.Levels = string.Join(',', levels);
        version.Agency = agency;
        version.ProcessingValue = value;
        version.ProcessingUnit = ProcessingTime.Key(unit);
        version.ProcessingNote = Blank(time?.Note);
        version.OnlineLevel = online switch { "toan_trinh" => OnlineLevel.Full, "mot_phan" => OnlineLevel.Partial, _ => OnlineLevel.None };
        version.Postal = input.Postal;
        version.Result = Blank(input.Result);
        version.Applicants = Blank(input.Applicants);
        version.Conditions = Blank(input.Conditions);
        version.ImplementationSteps = string.IsNullOrWhiteSpace(input.ImplementationSteps)
            ? string.Join('\n', steps.Select((s, i) => $"Bước {i + 1}: {s.Name}"))
            : VietnameseText.NormalizeLines(input.ImplementationSteps);
        version.LegalBasis = (input.LegalBasis ?? []).Select(VietnameseText.Normalize).Where(l => l.Length > 0).ToList();
        version.Keywords = string.Join('\n', keywords);
        version.Components = components;
        version.Fees = fees;
        version.ProcessSteps = steps;
        version.InterAgency = interAgency;
        version.LegalBasisEffectiveDate = legalBasisEffective;
        version.SearchText = SearchTextOf(version);
        return true;
    }

    public static string SearchTextOf(ProcedureVersion version) =>
        VietnameseText.Fold(version.Name + " " + version.Keywords.Replace('\n', ' '));

    public static ProcedureInput ToInput(string code, ProcedureVersion v) => new()
    {
        Code = code,
        Name = v.Name,
        Field = v.FieldCode,
        Levels = LevelsOf(v).ToList(),
        Agency = v.Agency,
        ProcessingTime = new ProcessingTimeInput { Value = v.ProcessingValue, Unit = v.ProcessingUnit, Note = v.ProcessingNote },
        Fees = v.Fees.Select(f => new FeeInput
        {
            Name = f.Name,
            Kind = f.Kind == FeeKind.PerPage ? "per_page" : "fixed",
            AmountVnd = f.AmountVnd,
            MaxVnd = f.MaxVnd,
            Exemptions = f.Exemptions,
            OnlineDiscountPercent = f.OnlineDiscountPercent,
            Note = f.Note,
        }).ToList(),
        OnlineLevel = OnlineKey(v.OnlineLevel),
        Postal = v.Postal,
        Result = v.Result,
        Components = v.Components.Select(c => new ComponentInput { Id = c.Id, Name = c.Name, Copies = c.Copies, Original = c.Original, Form = c.FormName, Required = c.Required }).ToList(),
        Steps = v.ProcessSteps.Select(s => new StepInput { Name = s.Name, Role = s.Role, Share = s.FixedHours is null ? s.Share : null, FixedHours = s.FixedHours }).ToList(),
        LegalBasis = [.. v.LegalBasis],
        Applicants = v.Applicants,
        Conditions = v.Conditions,
        ImplementationSteps = v.ImplementationSteps,
        Keywords = KeywordsOf(v).ToList(),
        InterAgency = v.InterAgency is null ? null : new InterAgencyInput
        {
            LeadAgency = v.InterAgency.LeadAgency,
            Consulted = v.InterAgency.Consulted.Select(c => new ConsultedInput { Name = c.Name, UnitKind = c.UnitKind, Value = c.Value, Unit = c.Unit }).ToList(),
        },
        LegalBasisEffectiveDate = v.LegalBasisEffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static ProcedureDetail Detail(string code, ProcedureVersion v, string fieldName, bool isCurrent)
    {
        var levels = LevelsOf(v).ToList();
        var methods = new List<string> { "Trực tiếp tại Bộ phận Một cửa" };
        if (v.Postal)
        {
            methods.Add("Qua dịch vụ bưu chính công ích");
        }
        if (v.OnlineLevel != OnlineLevel.None)
        {
            methods.Add($"Trực tuyến trên Cổng Dịch vụ công ({(v.OnlineLevel == OnlineLevel.Full ? "toàn trình" : "một phần")})");
        }
        return new ProcedureDetail(
            code,
            v.Id,
            v.Number,
            StateKey(v.State),
            v.Kind == VersionKind.Abolition ? "abolition" : "content",
            isCurrent && v.Kind == VersionKind.Abolition,
            v.Name,
            v.FieldCode,
            fieldName,
            levels,
            levels.Select(CatalogueTerms.LevelName).ToList(),
            v.Agency,
            TimeOf(v.ProcessingValue, v.ProcessingUnit, v.ProcessingNote),
            OnlineKey(v.OnlineLevel),
            CatalogueTerms.OnlineLevelName(OnlineKey(v.OnlineLevel)),
            v.Postal,
            methods,
            (v.ImplementationSteps ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            v.Components.Select(c => new ComponentView(c.Id, c.Name, c.Copies, c.Original, c.Required, c.FormName,
                c.FormFileKey is null ? null : $"/thu-tuc/{Uri.EscapeDataString(code)}/mau/{c.Id}?phienBan={v.Id}", c.FormFileName)).ToList(),
            v.Fees.Select(f => new FeeView(f.Name, f.Kind == FeeKind.PerPage ? "per_page" : "fixed", f.AmountVnd, f.MaxVnd, f.Exemptions, f.OnlineDiscountPercent, f.Note, Describe(f))).ToList(),
            v.ProcessSteps.Select(s => new StepView(s.Name, s.Role, CatalogueTerms.StepRoles.GetValueOrDefault(s.Role, s.Role), s.Share, s.FixedHours)).ToList(),
            v.InterAgency is null ? null : new InterAgencyView(v.InterAgency.LeadAgency,
                v.InterAgency.Consulted.Select(c => new ConsultedView(c.Name, c.UnitKind, TimeOf(c.Value, c.Unit, null))).ToList()),
            v.Applicants,
            v.Conditions,
            v.Result,
            v.LegalBasis,
            KeywordsOf(v).ToList(),
            new AnnouncementView(v.DecisionNumber, v.DecisionDate, v.EffectiveDate, v.LegalBasisEffectiveDate, v.PublishedOnNationalDatabase),
            v.ReviewNote,
            v.UpdatedAt);
    }

    public static ProcessingTimeView TimeOf(decimal value, string unit, string? note)
    {
        var parsed = ProcessingTime.TryParseUnit(unit, out var known) ? known : TimeUnit.WorkingDays;
        return new ProcessingTimeView(value, unit, note, new ProcessingTime(value, parsed).Vietnamese());
    }

    /// <summary>"5.000 đồng", "2.000 đồng/trang, tối đa 200.000 đồng/bản", "Miễn phí".</summary>
    public static string Describe(Fee fee)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var text = fee.AmountVnd == 0
            ? "Miễn phí"
            : fee.Kind == FeeKind.PerPage
                ? $"{fee.AmountVnd.ToString("N0", vi)} đồng/trang" + (fee.MaxVnd is { } max ? $", tối đa {max.ToString("N0", vi)} đồng" : "")
                : $"{fee.AmountVnd.ToString("N0", vi)} đồng";
        if (fee.OnlineDiscountPercent > 0)
        {
            text += $"; giảm {fee.OnlineDiscountPercent}% khi nộp trực tuyến";
        }
        return text;
    }

    public static IEnumerable<string> LevelsOf(ProcedureVersion v) => v.Levels.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static IEnumerable<string> KeywordsOf(ProcedureVersion v) => v.Keywords.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string OnlineKey(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "toan_trinh",
        OnlineLevel.Partial => "mot_phan",
        _ => "khong",
    };

    public static string StateKey(VersionState state) => state switch
    {
        VersionState.Draft => "draft",
        VersionState.InReview => "in_review",
        _ => "announced",
    };

    public static string StateName(string key) => key switch
    {
        "draft" => "Dự thảo",
        "in_review" => "Chờ kiểm soát",
        _ => "Đã công bố",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value);
}
