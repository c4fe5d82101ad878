using System.Globalization;
using MotCua.Core.Documents;

namespace MotCua.Core.Reports;

/// <summary>
/// The processing report as an Excel sheet laid out like the province's form: title, unit and period, the
/// figures in the columns of form 06 (received, resolved, in progress, with the "of which" counts), and the
/// signature block of the person who compiles it and the head of the unit.
/// </summary>
public static class ProcessingReportWorkbook
{
    /// <summary>The figure columns, left to right, from column 2 (column 1 is the unit), as <see cref="ProcessingReportView.Figures"/> orders them.</summary>
    public static readonly string[] Columns =
    [
        "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước chuyển qua",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số", "Trong hạn", "Quá hạn",
        "Trả lại, yêu cầu bổ sung", "Rút hồ sơ",
    ];

    public static byte[] Write(ProcessingReportView report, DateOnly today)
    {
        var width = Columns.Length + 1;
        var sheet = new Sheet("Bao cao") { FrozenRows = 7 };
        sheet.Set(1, 1, report.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), CellStyle.BoldCentered).Merge(1, 1, 1, 5);
        sheet.Set(1, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", CellStyle.BoldCentered).Merge(1, 8, 1, width);
        sheet.Set(2, 8, "Độc lập - Tự do - Hạnh phúc", CellStyle.BoldCentered).Merge(2, 8, 2, width);
        sheet.Set(3, 1, "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", CellStyle.Title).Merge(3, 1, 3, width);
        sheet.Set(4, 1, $"Đơn vị: {report.UnitName} — Kỳ báo cáo: từ ngày {Date(report.From)} đến ngày {Date(report.To)}", CellStyle.Centered)
            .Merge(4, 1, 4, width);

        sheet.Set(5, 1, "Đơn vị", CellStyle.Header).Merge(5, 1, 7, 1);
        sheet.Set(5, 2, "Số hồ sơ tiếp nhận", CellStyle.Header).Merge(5, 2, 6, 5);
        sheet.Set(5, 6, "Số hồ sơ đã giải quyết", CellStyle.Header).Merge(5, 6, 6, 9);
        sheet.Set(5, 10, "Số hồ sơ đang giải quyết", CellStyle.Header).Merge(5, 10, 6, 12);
        sheet.Set(5, 13, "Trong đó", CellStyle.Header).Merge(5, 13, 6, 14);
        for (var i = 0; i < Columns.Length; i++)
        {
            sheet.Set(7, i + 2, Columns[i], CellStyle.Header);
        }

        sheet.Set(8, 1, report.UnitName, CellStyle.Cell);
        var figures = report.Figures();
        for (var i = 0; i < figures.Count; i++)
        {
            sheet.Set(8, i + 2, figures[i].Value, CellStyle.Number);
        }

        sheet.Set(10, 8, $"Ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}", CellStyle.Centered).Merge(10, 8, 10, width);
        sheet.Set(11, 1, "NGƯỜI LẬP BIỂU", CellStyle.BoldCentered).Merge(11, 1, 11, 5);
        sheet.Set(11, 8, "THỦ TRƯỞNG ĐƠN VỊ", CellStyle.BoldCentered).Merge(11, 8, 11, width);
        sheet.Set(12, 1, "(Ký, ghi rõ họ tên)", CellStyle.Centered).Merge(12, 1, 12, 5);
        sheet.Set(12, 8, "(Ký, ghi rõ họ tên, đóng dấu)", CellStyle.Centered).Merge(12, 8, 12, width);
        sheet.Width(1, 34);
        for (var column = 2; column <= width; column++)
        {
            sheet.Width(column, 13);
        }
        return Spreadsheet.Write(sheet);
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
