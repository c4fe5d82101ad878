using System.Globalization;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using SkiaSharp;

namespace MotCua.Core.Reports;

/// <summary>Where the PDF writer finds a TrueType font with Vietnamese letters (regular and bold).</summary>
public sealed class PdfFontOptions
{
    public const string Section = "Reports:Pdf";

    /// <summary>Font files tried in order; the first pair that exists is used (Debian: fonts-dejavu-core, fonts-liberation, fonts-noto-core).</summary>
    public string[] Regular { get; set; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ];

    public string[] Bold { get; set; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ];
}

/// <summary>
/// The processing report (form 06) as a one-page A4 landscape PDF laid out like the Excel file: issuer and
/// national motto, title, unit and period, the form's grouped columns, the signature block. Text is drawn with
/// an embedded TrueType font, so Vietnamese prints the same everywhere.
/// </summary>
public sealed class ProcessingReportPdf(IOptions<PdfFontOptions> options)
{
    public const string ContentType = "application/pdf";

    private const float Width = 842, Height = 595, Margin = 36;
    private const float UnitColumn = 150;

    private static readonly (string Name, int Columns)[] Groups =
    [
        ("Số hồ sơ tiếp nhận", 4), ("Số hồ sơ đã giải quyết", 4), ("Số hồ sơ đang giải quyết", 3), ("Trong đó", 2),
    ];

    private readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> _fonts = new(() => Load(options.Value));

    public byte[] Write(ProcessingReportView report, DateOnly today)
    {
        var (regular, bold) = _fonts.Value
            ?? throw new ProblemException(503, "pdf_font_missing", "Chưa xuất được PDF",
                "Máy chủ chưa có phông chữ tiếng Việt để xuất PDF (cài gói fonts-dejavu-core hoặc cấu hình Reports:Pdf). Vui lòng xuất Excel.");
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Báo cáo tình hình, kết quả giải quyết TTHC — {report.UnitName}",
            Creator = "MotCua",
            Creation = DateTime.UtcNow,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var line = new SKPaint { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f };
            using var shade = new SKPaint { Color = new SKColor(0xEE, 0xF1, 0xF5) };
            using var text = new SKFont(regular, 9);
            using var strong = new SKFont(bold, 9);
            using var title = new SKFont(bold, 13);
            using var small = new SKFont(regular, 7.5f);
            using var smallBold = new SKFont(bold, 7.5f);

            var vi = CultureInfo.GetCultureInfo("vi-VN");
            Centered(canvas, report.UnitName.ToUpper(vi), Margin, Margin + 260, Margin + 10, strong, ink);
            Centered(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Width - Margin - 320, Width - Margin, Margin + 10, strong, ink);
            Centered(canvas, "Độc lập - Tự do - Hạnh phúc", Width - Margin - 320, Width - Margin, Margin + 24, strong, ink);
            canvas.DrawLine(Width - Margin - 220, Margin + 28, Width - Margin - 100, Margin + 28, line);
            Centered(canvas, "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", Margin, Width - Margin, Margin + 70, title, ink);
            Centered(canvas, $"Đơn vị: {report.UnitName} — Kỳ báo cáo: từ ngày {Date(report.From)} đến ngày {Date(report.To)}",
                Margin, Width - Margin, Margin + 88, text, ink);

            // The table: a group row, a column row, the unit's figures.
            var top = Margin + 104;
            var column = (Width - 2 * Margin - UnitColumn) / ProcessingReportWorkbook.Columns.Length;
            const float GroupRow = 22, ColumnRow = 42, DataRow = 24;
            canvas.DrawRect(Margin, top, Width - 2 * Margin, GroupRow + ColumnRow, shade);
            Cell(canvas, "Đơn vị", Margin, top, UnitColumn, GroupRow + ColumnRow, strong, ink, line);
            var x = Margin + UnitColumn;
            foreach (var (name, span) in Groups)
            {
                Cell(canvas, name, x, top, column * span, GroupRow, smallBold, ink, line);
                x += column * span;
            }
            x = Margin + UnitColumn;
            foreach (var name in ProcessingReportWorkbook.Columns)
            {
                Cell(canvas, name, x, top + GroupRow, column, ColumnRow, small, ink, line);
                x += column;
            }
            var row = top + GroupRow + ColumnRow;
            Cell(canvas, report.UnitName, Margin, row, UnitColumn, DataRow, text, ink, line);
            x = Margin + UnitColumn;
            foreach (var (_, value) in report.Figures())
            {
                Cell(canvas, value.ToString("N0", vi), x, row, column, DataRow, strong, ink, line);
                x += column;
            }

            var signature = row + DataRow + 36;
            Centered(canvas, $"Ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}", Width - Margin - 320, Width - Margin, signature, text, ink);
            Centered(canvas, "NGƯỜI LẬP BIỂU", Margin, Margin + 260, signature + 18, strong, ink);
            Centered(canvas, "THỦ TRƯỞNG ĐƠN VỊ", Width - Margin - 320, Width - Margin, signature + 18, strong, ink);
            Centered(canvas, "(Ký, ghi rõ họ tên)", Margin, Margin + 260, signature + 32, text, ink);
            Centered(canvas, "(Ký, ghi rõ họ tên, đóng dấu)", Width - Margin - 320, Width - Margin, signature + 32, text, ink);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static (SKTypeface, SKTypeface)? Load(PdfFontOptions options)
    {
        var regular = options.Regular.FirstOrDefault(File.Exists);
        var bold = options.Bold.FirstOrDefault(File.Exists) ?? regular;
        return regular is null ? null : (SKTypeface.FromFile(regular), SKTypeface.FromFile(bold));
    }

    private static void Centered(SKCanvas canvas, string value, float left, float right, float baseline, SKFont font, SKPaint paint) =>
        canvas.DrawText(value, (left + right) / 2, baseline, SKTextAlign.Center, font, paint);

    /// <summary>A bordered cell with its text wrapped on words and centred both ways.</summary>
    private static void Cell(SKCanvas canvas, string value, float x, float y, float width, float height, SKFont font, SKPaint ink, SKPaint border)
    {
        canvas.DrawRect(x, y, width, height, border);
        var lines = Wrap(value, font, width - 4);
        var step = font.Size * 1.2f;
        var baseline = y + (height - step * lines.Count) / 2 + font.Size;
        foreach (var text in lines)
        {
            canvas.DrawText(text, x + width / 2, baseline, SKTextAlign.Center, font, ink);
            baseline += step;
        }
    }

    private static List<string> Wrap(string value, SKFont font, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        if (current.Length > 0)
        {
            lines.Add(current);
        }
        return lines;
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
