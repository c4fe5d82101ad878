using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Connectors.Npsp;
using MotCua.Core.Notifications;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

/// <summary>
/// What a dossier change tells the outside world, queued in the change's own transaction: the applicant
/// by email and SMS (at reception, supplement request, apology, result ready) and the national portal
/// (every status change).
/// </summary>
public sealed class DossierNotices(Outbox outbox, IOptions<NotificationOptions> notifications, IOptions<NpspOptions> npsp, TimeProvider time)
{
    private static string When(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private string Link(Dossier dossier) =>
        $"{notifications.Value.PortalUrl.TrimEnd('/')}/tra-cuu-ho-so?ma={Uri.EscapeDataString(dossier.Code ?? "")}";

    public void Received(Dossier dossier) => ToApplicant(dossier,
        $"Tiếp nhận hồ sơ {dossier.Code}",
        $"Hồ sơ {dossier.Code} ({dossier.ProcedureName}) đã được tiếp nhận lúc {When(dossier.ReceivedAt)}. Hẹn trả kết quả: {When(dossier.DueAt)}. Tra cứu: {Link(dossier)}");

    public void SupplementRequested(Dossier dossier, IReadOnlyList<string> items) => ToApplicant(dossier,
        $"Yêu cầu bổ sung hồ sơ {dossier.Code}",
        $"Hồ sơ {dossier.Code} cần bổ sung: {string.Join("; ", items)}. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ. Tra cứu: {Link(dossier)}");

    public void Apologized(Dossier dossier) => ToApplicant(dossier,
        $"Thư xin lỗi về hồ sơ {dossier.Code}",
        $"Cơ quan giải quyết xin lỗi vì hồ sơ {dossier.Code} không kịp trả kết quả đúng hẹn. Lý do: {dossier.ApologyReason}. Thời hạn trả kết quả mới: {When(dossier.DueAt)}.");

    public void ResultReady(Dossier dossier) => ToApplicant(dossier,
        $"Hồ sơ {dossier.Code} đã có kết quả",
        $"Hồ sơ {dossier.Code} ({dossier.ProcedureName}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký. Tra cứu: {Link(dossier)}");

    /// <summary>Queues the dossier's new status for the national portal (when the connection is on).</summary>
    public void StatusChanged(Dossier dossier, string agencyCode, string? note)
    {
        if (!npsp.Value.Enabled || dossier.Code is null && dossier.NpspId is null)
        {
            return;
        }
        var update = new NpspStatusUpdate(
            dossier.Code ?? "",
            dossier.NpspId,
            dossier.ProcedureCode,
            dossier.ProcedureName,
            dossier.Status.NpspCode(),
            dossier.Channel.NpspCode(),
            agencyCode,
            NpspSignature.Date(dossier.ReceivedAt),
            NpspSignature.Date(dossier.DueAt),
            NpspSignature.Date(dossier.FinishedAt),
            NpspSignature.Date(dossier.ReturnedAt),
            NpspSignature.Date(time.GetUtcNow())!,
            note);
        outbox.Add("npsp", "npsp", null, JsonSerializer.Serialize(update), dossier.Id);
    }

    private void ToApplicant(Dossier dossier, string subject, string text)
    {
        if (dossier.ApplicantEmail is { Length: > 0 } email)
        {
            outbox.Add("email", email, subject, text, dossier.Id);
        }
        if (dossier.ApplicantPhone is { Length: > 0 } phone)
        {
            outbox.Add("sms", phone, null, text, dossier.Id);
        }
    }
}
