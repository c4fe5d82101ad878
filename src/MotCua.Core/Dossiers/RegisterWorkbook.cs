using System.Globalization;
using MotCua.Core.Common;
using MotCua.Core.Documents;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

/// <summary>The register of a desk (sổ theo dõi hồ sơ, form 06 of Circular 01/2018/TT-VPCP) as an Excel workbook.</summary>
public static class RegisterWorkbook
{
    public static readonly string[] Headers =
    [
        "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng giấy tờ", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Ngày chuyển hồ sơ", "Ngày có kết quả",
        "Ngày trả kết quả", "Tình trạng", "Ghi chú",
    ];

    public static byte[] Write(IReadOnlyList<RegisterLine> lines, int year)
    {
        var sheet = new Sheet($"So theo doi {year}") { FrozenRows = 3 };
        sheet.Set(1, 1, $"SỔ THEO DÕI HỒ SƠ NĂM {year}", CellStyle.Title).Merge(1, 1, 1, Headers.Length);
        sheet.Set(2, 1, "(Mẫu số 06 – Thông tư 01/2018/TT-VPCP)", CellStyle.Centered).Merge(2, 1, 2, Headers.Length);
        sheet.Row(3, CellStyle.Header, Headers);
        var row = 4;
        foreach (var line in lines)
        {
            sheet.Row(row++, CellStyle.Cell,
                line.Number, line.Code, line.ProcedureName, line.Components, line.ApplicantName,
                string.Join(" – ", new[] { line.ApplicantAddress, line.ApplicantPhone }.Where(v => !string.IsNullOrEmpty(v))),
                line.ProcessingAgency, Moment(line.ReceivedAt), Moment(line.DueAt), Moment(line.TransferredAt), Moment(line.FinishedAt),
                Moment(line.ReturnedAt), Status(line), line.Reason ?? "");
        }
        double[] widths = [6, 26, 45, 10, 28, 34, 30, 17, 17, 17, 17, 17, 22, 30];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Width(i + 1, widths[i]);
        }
        return Spreadsheet.Write(sheet);
    }

    public static string Status(RegisterLine line) =>
        line.Timeliness is { } timeliness ? $"{line.Status.Vietnamese()} ({timeliness.Vietnamese().ToLowerInvariant()})" : line.Status.Vietnamese();

    private static string Moment(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A work queue as an Excel workbook, in the order shown (most urgent first).</summary>
public static class QueueWorkbook
{
    private static readonly string[] Headers = ["STT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Trạng thái", "Kênh", "Bước", "Người xử lý", "Ngày nhận", "Hạn bước", "Hẹn trả", "Mức độ"];

    public static byte[] Write(IReadOnlyList<DossierSummary> items)
    {
        var sheet = new Sheet("Ho so can xu ly") { FrozenRows = 1 };
        sheet.Row(1, CellStyle.Header, Headers);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            sheet.Row(i + 2, CellStyle.Cell, i + 1, item.Code, item.ProcedureName, item.ApplicantName, item.StatusName,
                DossierTerms.TryParseChannel(item.Channel, out var channel) ? channel.Vietnamese() : item.Channel, item.CurrentStep,
                item.CurrentAssigneeName ?? "", Moment(item.ReceivedAt), Moment(item.StepDeadline), Moment(item.DueAt), Urgency(item.Urgency));
        }
        double[] widths = [6, 26, 45, 26, 22, 12, 14, 22, 17, 17, 17, 14];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Width(i + 1, widths[i]);
        }
        return Spreadsheet.Write(sheet);
    }

    public static string Urgency(string key) => key switch
    {
        "overdue" => "Quá hạn",
        "due_soon" => "Sắp đến hạn",
        "waiting" => "Đang chờ",
        "new" => "Chờ tiếp nhận",
        _ => "Trong hạn",
    };

    private static string Moment(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
