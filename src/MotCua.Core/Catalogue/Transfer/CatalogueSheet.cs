using System.Globalization;
using MotCua.Core.Documents;

namespace MotCua.Core.Catalogue.Transfer;

/// <summary>
/// The catalogue as a spreadsheet, one procedure a row; export writes it and import reads it back, so a
/// sheet exported, edited and imported round-trips. Lists sit in one cell, one item per line, with the
/// parts of an item separated by " | " (components: name | copies | bản chính/bản sao | bắt buộc/không
/// bắt buộc | form; fees: name | amount | note | cố định/theo trang | cap | online discount % | exemptions;
/// steps: name | role | share | fixed hours; inter-agency: the lead agency on the first line, then
/// consulted agency | unit kind | time | time unit).
/// </summary>
public static class CatalogueSheet
{
    public static readonly string[] Headers =
    [
        "Mã thủ tục", "Tên thủ tục", "Mã lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Thời hạn", "Đơn vị thời hạn",
        "Ghi chú thời hạn", "Mức độ trực tuyến", "Bưu chính", "Đối tượng thực hiện", "Điều kiện", "Kết quả", "Trình tự thực hiện",
        "Thành phần hồ sơ", "Phí, lệ phí", "Quy trình nội bộ", "Căn cứ pháp lý", "Từ khóa tìm kiếm", "Liên thông",
    ];

    private const string Separator = " | ";

    public static Sheet Write(IEnumerable<ProcedureInput> procedures)
    {
        var sheet = new Sheet("Danh mục thủ tục") { FrozenRows = 1 };
        sheet.Row(1, CellStyle.Header, [.. Headers]);
        double[] widths = [12, 50, 14, 12, 30, 9, 14, 25, 14, 10, 30, 30, 30, 50, 70, 40, 50, 40, 30, 40];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Width(i + 1, widths[i]);
        }
        var row = 2;
        foreach (var p in procedures)
        {
            sheet.Row(row++, CellStyle.Cell,
                p.Code, p.Name, p.Field, string.Join(", ", p.Levels ?? []), p.Agency,
                p.ProcessingTime?.Value, p.ProcessingTime?.Unit, p.ProcessingTime?.Note, p.OnlineLevel, p.Postal ? "Có" : "Không",
                p.Applicants, p.Conditions, p.Result, p.ImplementationSteps,
                Lines(p.Components?.Select(c => string.Join(Separator, c.Name, c.Copies ?? 1, c.Original == false ? "bản sao" : "bản chính", c.Required == false ? "không bắt buộc" : "bắt buộc", c.Form ?? ""))),
                Lines(p.Fees?.Select(f => string.Join(Separator, f.Name, f.AmountVnd ?? 0, f.Note ?? "", f.Kind == "per_page" ? "theo trang" : "cố định",
                    f.MaxVnd?.ToString(CultureInfo.InvariantCulture) ?? "", f.OnlineDiscountPercent is > 0 ? f.OnlineDiscountPercent : "", f.Exemptions ?? "").TrimEnd(' ', '|'))),
                Lines(p.Steps?.Select(s => string.Join(Separator, s.Name, s.Role, (s.Share ?? 0).ToString("0.###", CultureInfo.InvariantCulture),
                    s.FixedHours?.ToString("0.##", CultureInfo.InvariantCulture) ?? "").TrimEnd(' ', '|'))),
                Lines(p.LegalBasis), Lines(p.Keywords),
                p.InterAgency is null ? null : Lines([p.InterAgency.LeadAgency ?? "", .. (p.InterAgency.Consulted ?? []).Select(c =>
                    string.Join(Separator, c.Name, c.UnitKind ?? "", (c.Value ?? 0).ToString("0.##", CultureInfo.InvariantCulture), c.Unit ?? "working_days"))]));
        }
        return sheet;
    }

    /// <summary>Rows as procedures, by header name (columns may be in any order); problems of form are reported per row.</summary>
    public static List<ImportRow> Read(List<string[]> rows)
    {
        var result = new List<ImportRow>();
        if (rows.Count == 0)
        {
            return result;
        }
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var columns = Headers.ToDictionary(h => h, h => Array.FindIndex(header, x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)));
        var missing = columns.Where(c => c.Value < 0 && c.Key is "Mã thủ tục" or "Tên thủ tục" or "Mã lĩnh vực").Select(c => c.Key).ToList();
        if (missing.Count > 0)
        {
            result.Add(new ImportRow(1, null, [$"Thiếu cột bắt buộc: {string.Join(", ", missing)}."]));
            return result;
        }
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            string? Cell(string name) => columns[name] is var i && i >= 0 && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var errors = new List<string>();
            var input = new ProcedureInput
            {
                Code = Cell("Mã thủ tục"),
                Name = Cell("Tên thủ tục"),
                Field = Cell("Mã lĩnh vực"),
                Levels = (Cell("Cấp thực hiện") ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                Agency = Cell("Cơ quan thực hiện"),
                ProcessingTime = new ProcessingTimeInput { Value = Number(Cell("Thời hạn"), "Thời hạn", errors), Unit = Cell("Đơn vị thời hạn") ?? "working_days", Note = Cell("Ghi chú thời hạn") },
                OnlineLevel = Cell("Mức độ trực tuyến") ?? "khong",
                Postal = Cell("Bưu chính")?.ToLowerInvariant() is "có" or "co" or "x" or "true" or "1",
                Applicants = Cell("Đối tượng thực hiện"),
                Conditions = Cell("Điều kiện"),
                Result = Cell("Kết quả"),
                ImplementationSteps = Cell("Trình tự thực hiện"),
                Components = SplitLines(Cell("Thành phần hồ sơ")).Select(line =>
                {
                    var parts = Parts(line);
                    return new ComponentInput
                    {
                        Name = parts.ElementAtOrDefault(0),
                        Copies = (int?)Number(parts.ElementAtOrDefault(1), "Số bản", errors) ?? 1,
                        Original = !(parts.ElementAtOrDefault(2)?.Contains("sao", StringComparison.OrdinalIgnoreCase) ?? false),
                        Required = !(parts.ElementAtOrDefault(3)?.Contains("không", StringComparison.OrdinalIgnoreCase) ?? false),
                        Form = parts.ElementAtOrDefault(4) is { Length: > 0 } form ? form : null,
                    };
                }).ToList(),
                Fees = SplitLines(Cell("Phí, lệ phí")).Select(line =>
                {
                    var parts = Parts(line);
                    return new FeeInput
                    {
                        Name = parts.ElementAtOrDefault(0),
                        AmountVnd = (long?)Number(parts.ElementAtOrDefault(1), "Mức phí", errors) ?? 0,
                        Note = Text(parts.ElementAtOrDefault(2)),
                        Kind = parts.ElementAtOrDefault(3)?.Contains("trang", StringComparison.OrdinalIgnoreCase) == true ? "per_page" : "fixed",
                        MaxVnd = (long?)Number(parts.ElementAtOrDefault(4), "Mức tối đa", errors),
                        OnlineDiscountPercent = (int?)Number(parts.ElementAtOrDefault(5), "Mức giảm trực tuyến", errors),
                        Exemptions = Text(parts.ElementAtOrDefault(6)),
                    };
                }).ToList(),
                Steps = SplitLines(Cell("Quy trình nội bộ")).Select(line =>
                {
                    var parts = Parts(line);
                    var fixedHours = Number(parts.ElementAtOrDefault(3), "Số giờ cố định", errors);
                    return new StepInput { Name = parts.ElementAtOrDefault(0), Role = parts.ElementAtOrDefault(1), Share = fixedHours is null ? Number(parts.ElementAtOrDefault(2), "Tỷ lệ thời gian", errors) : null, FixedHours = fixedHours };
                }).ToList(),
                LegalBasis = SplitLines(Cell("Căn cứ pháp lý")),
                Keywords = SplitLines(Cell("Từ khóa tìm kiếm")),
                InterAgency = InterAgency(SplitLines(Cell("Liên thông")), errors),
            };
            result.Add(new ImportRow(r + 1, input, errors));
        }
        return result;
    }

    private static InterAgencyInput? InterAgency(List<string> lines, List<string> errors) => lines.Count == 0 ? null : new InterAgencyInput
    {
        LeadAgency = lines[0],
        Consulted = lines.Skip(1).Select(line =>
        {
            var parts = Parts(line);
            return new ConsultedInput { Name = parts.ElementAtOrDefault(0), UnitKind = Text(parts.ElementAtOrDefault(1)), Value = Number(parts.ElementAtOrDefault(2), "Thời hạn phối hợp", errors), Unit = Text(parts.ElementAtOrDefault(3)) ?? "working_days" };
        }).ToList(),
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Lines(IEnumerable<string>? lines) => string.Join('\n', lines ?? []);

    private static List<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Parts(string line) => line.Split('|').Select(p => p.Trim()).ToList();

    private static decimal? Number(string? text, string label, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add($"{label} \"{text}\" không phải là số.");
        return null;
    }
}

/// <summary>A parsed row: its number in the file, the procedure read from it, and problems of form.</summary>
public sealed record ImportRow(int Row, ProcedureInput? Input, List<string> Errors);
