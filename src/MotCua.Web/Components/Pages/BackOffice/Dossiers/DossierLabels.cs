using System.Globalization;
using MotCua.Core.Common;

namespace MotCua.Web.Components.Pages.BackOffice.Dossiers;

/// <summary>How dossier states, urgencies and outcomes look on the back-office pages.</summary>
public static class DossierLabels
{
    public static string StatusBadge(string status) => status switch
    {
        "submitted" => "text-bg-info",
        "received" or "in_progress" => "text-bg-primary",
        "awaiting_supplement" or "suspended" => "text-bg-warning",
        "result_ready" => "text-bg-success",
        "returned" => "text-bg-secondary",
        _ => "text-bg-dark",
    };

    public static (string Css, string Text) Urgency(string urgency) => urgency switch
    {
        "overdue" => ("text-bg-danger", "Quá hạn"),
        "due_soon" => ("text-bg-warning", "Sắp đến hạn"),
        "waiting" => ("text-bg-light border", "Đang chờ"),
        "new" => ("text-bg-info", "Mới, chờ tiếp nhận"),
        _ => ("text-bg-success", "Trong hạn"),
    };

    public static (string Css, string Text) Timeliness(string? key) => key switch
    {
        "early" => ("text-bg-success", "Trước hạn"),
        "on_time" => ("text-bg-primary", "Đúng hạn"),
        "late" => ("text-bg-danger", "Quá hạn"),
        _ => ("", ""),
    };

    public static string ChannelName(string channel) => channel switch
    {
        "online" => "Trực tuyến",
        "postal" => "Bưu chính",
        _ => "Trực tiếp",
    };

    public static string Moment(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string SyncText(string status) => status switch
    {
        "synced" => "Đã đồng bộ",
        "pending" => "Đang chờ gửi",
        "failed" => "Gửi lỗi (xem mục Thông điệp gửi lỗi)",
        "none" => "Chưa có thông tin cần gửi",
        _ => "Chưa bật kết nối",
    };
}
