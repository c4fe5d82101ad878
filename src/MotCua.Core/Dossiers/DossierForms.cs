using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Documents;
using MotCua.Core.Notifications;
using MotCua.Core.Organisation;
using MotCua.Domain.Dossiers;
using QRCoder;

namespace MotCua.Core.Dossiers;

/// <summary>
/// The one-stop forms of Circular 01/2018/TT-VPCP for a dossier: 01 receipt and appointment (A5, with
/// the QR code of the lookup), 02 request to supplement, 03 refusal, 04 apology and new appointment,
/// 05 processing control sheet.
/// </summary>
public sealed class DossierForms(MotCuaDbContext db, UnitTreeSource trees, IOptions<NotificationOptions> notifications, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["01"] = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        ["02"] = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        ["03"] = "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        ["04"] = "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        ["05"] = "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    };

    /// <summary>The forms that exist for the dossier in its present state.</summary>
    public static IReadOnlyList<string> Available(Dossier dossier)
    {
        var forms = new List<string>();
        if (dossier.Code is not null && dossier.ReceivedAt is not null)
        {
            forms.Add("01");
        }
        if (dossier.MissingItems is not null)
        {
            forms.Add("02");
        }
        if (dossier.Status == DossierStatus.NotAccepted)
        {
            forms.Add("03");
        }
        if (dossier.Apologized)
        {
            forms.Add("04");
        }
        if (dossier.Code is not null && dossier.ReceivedAt is not null)
        {
            forms.Add("05");
        }
        return forms;
    }

    /// <summary>The lookup address printed as a QR code on the receipt.</summary>
    public string LookupUrl(string code) =>
        $"{notifications.Value.PortalUrl.TrimEnd('/')}/tra-cuu-ho-so?ma={Uri.EscapeDataString(code)}";

    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    public async Task<FormDocument> BuildAsync(Dossier dossier, string form, CancellationToken cancellationToken)
    {
        if (!Available(dossier).Contains(form))
        {
            throw ProblemException.NotFound($"phiếu mẫu {form} của hồ sơ này");
        }
        var tree = await trees.GetAsync(cancellationToken);
        var desk = tree.Find(dossier.ReceivingUnitId);
        var agency = tree.Find(dossier.ProcessingUnitId);
        var parent = desk?.ParentId is { } parentId ? tree.Find(parentId)?.Name : null;
        var place = Place(tree);
        var documents = dossier.Documents.Count > 0
            ? dossier.Documents
            : await db.Set<DossierDocument>().AsNoTracking().Where(d => d.DossierId == dossier.Id).ToListAsync(cancellationToken);
        var applicant = new List<FormBlock>
        {
            new FormField(dossier.IsPerson ? "Ông/bà" : "Tổ chức", dossier.ApplicantName),
        };
        if (dossier.ApplicantAddress is { } address)
        {
            applicant.Add(new FormField("Địa chỉ", address));
        }
        if (dossier.ApplicantPhone is { } phone)
        {
            applicant.Add(new FormField("Số điện thoại", phone));
        }
        if (dossier.ApplicantEmail is { } email)
        {
            applicant.Add(new FormField("Thư điện tử", email));
        }
        var deskName = desk?.Name ?? "Bộ phận tiếp nhận và trả kết quả";
        var name = dossier.Code ?? dossier.Id.ToString("N")[..8];
        FormDocument Make(string number, DateTimeOffset at, string? reference, IReadOnlyList<FormBlock> blocks, IReadOnlyList<FormSignature> signatures, string? qr = null, bool a5 = false, string? issuer = null) =>
            new($"Mẫu số {number}", parent ?? "", issuer ?? deskName, reference, $"{place}, {LongDate(at)}", Names[number].ToUpperInvariant(), null,
                blocks, signatures, qr, $"mau-{number}-{name}.docx", a5);

        switch (form)
        {
            case "01":
                {
                    var blocks = new List<FormBlock> { new FormField("Mã hồ sơ", dossier.Code!), new FormParagraph($"{deskName} tiếp nhận hồ sơ của:") };
                    blocks.AddRange(applicant);
                    blocks.Add(new FormField("Nội dung yêu cầu giải quyết", dossier.ProcedureName));
                    blocks.Add(new FormParagraph("1. Thành phần hồ sơ nộp gồm:", Bold: true));
                    blocks.Add(new FormTable(["TT", "Tên giấy tờ", "Bản chính / bản sao", "Số lượng"],
                        documents.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), d.Name, d.Original ? "Bản chính" : "Bản sao", d.Copies.ToString("00", CultureInfo.InvariantCulture)]).ToList()));
                    blocks.Add(new FormParagraph("2. Số lượng hồ sơ: 01 (bộ)"));
                    blocks.Add(new FormParagraph($"3. Thời gian giải quyết hồ sơ theo quy định: {dossier.Allowance.Vietnamese()}"));
                    blocks.Add(new FormParagraph($"4. Thời gian nhận hồ sơ: {LongMoment(dossier.ReceivedAt!.Value)}"));
                    blocks.Add(new FormParagraph($"5. Thời gian trả kết quả giải quyết hồ sơ: {LongMoment(dossier.OriginalDueAt!.Value)}"));
                    blocks.Add(new FormParagraph($"6. Nhận kết quả tại: {deskName}, hoặc theo hình thức ông/bà đã đăng ký."));
                    blocks.Add(new FormParagraph($"Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập {LookupUrl(dossier.Code!)} (nhập 4 số cuối điện thoại).", Italic: true));
                    return Make("01", dossier.ReceivedAt!.Value, $"Mã hồ sơ: {dossier.Code}", blocks,
                        [new FormSignature("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", dossier.ApplicantName),
                     new FormSignature("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", dossier.ReceivedByName)],
                        LookupUrl(dossier.Code!), a5: true);
                }
            case "02":
                {
                    var blocks = new List<FormBlock> { new FormParagraph($"{deskName} tiếp nhận hồ sơ của:") };
                    blocks.AddRange(applicant);
                    blocks.Add(new FormField("Nội dung yêu cầu giải quyết", dossier.ProcedureName));
                    blocks.Add(new FormParagraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", Bold: true));
                    blocks.Add(new FormList(dossier.MissingItems!.Split('\n')));
                    blocks.Add(new FormParagraph($"Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định của thủ tục {dossier.ProcedureCode}."));
                    blocks.Add(new FormParagraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với bộ phận tiếp nhận để được hướng dẫn."));
                    var at = await LastEventAtAsync(dossier.Id, ["request-supplement", "request-supplement-at-desk"], cancellationToken) ?? dossier.CreatedAt;
                    return Make("02", at, dossier.Code is null ? null : $"Mã hồ sơ: {dossier.Code}", blocks,
                        [new FormSignature("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", await LastActorAsync(dossier.Id, ["request-supplement", "request-supplement-at-desk"], cancellationToken))]);
                }
            case "03":
                {
                    var blocks = new List<FormBlock> { new FormParagraph($"{deskName} tiếp nhận hồ sơ của:") };
                    blocks.AddRange(applicant);
                    blocks.Add(new FormField("Nội dung yêu cầu giải quyết", dossier.ProcedureName));
                    blocks.Add(new FormParagraph("Sau khi xem xét hồ sơ, đối chiếu với các quy định hiện hành, cơ quan tiếp nhận từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"));
                    blocks.Add(new FormParagraph(dossier.Reason ?? "", Bold: true));
                    blocks.Add(new FormParagraph("Xin thông báo để ông/bà được biết và thực hiện."));
                    return Make("03", dossier.FinishedAt ?? dossier.CreatedAt, dossier.Code is null ? null : $"Mã hồ sơ: {dossier.Code}", blocks,
                        [new FormSignature("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", dossier.ReceivedByName)]);
                }
            case "04":
                {
                    var agencyName = agency?.Name ?? deskName;
                    var blocks = new List<FormBlock>
                {
                    new FormParagraph($"Ngày {ShortDate(dossier.ReceivedAt)}, {deskName} tiếp nhận giải quyết hồ sơ đề nghị {dossier.ProcedureName} của {(dossier.IsPerson ? "ông/bà" : "tổ chức")} {dossier.ApplicantName}; mã hồ sơ {dossier.Code}."),
                    new FormParagraph($"Thời gian hẹn trả kết quả giải quyết hồ sơ: {LongMoment(dossier.OriginalDueAt!.Value)}."),
                    new FormParagraph($"Tuy nhiên đến nay, {agencyName} chưa trả kết quả giải quyết hồ sơ đúng hẹn."),
                    new FormParagraph($"Lý do: {dossier.ApologyReason}"),
                    new FormParagraph($"Sự chậm trễ này đã gây phiền hà cho {(dossier.IsPerson ? "ông/bà" : "quý cơ quan, tổ chức")}. {agencyName} xin lỗi và sẽ trả kết quả giải quyết hồ sơ vào {LongMoment(dossier.DueAt!.Value)}."),
                    new FormParagraph("Xin trân trọng cảm ơn sự hợp tác của ông/bà."),
                };
                    return Make("04", dossier.ApologizedAt!.Value, $"Mã hồ sơ: {dossier.Code}", blocks,
                        [new FormSignature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)", null)], issuer: agencyName);
                }
            default:
                {
                    var steps = await db.Set<DossierStep>().AsNoTracking().Where(s => s.DossierId == dossier.Id)
                        .OrderBy(s => s.StartedAt).ThenBy(s => s.Index).ToListAsync(cancellationToken);
                    var consulted = await db.Set<Consultation>().AsNoTracking().Where(c => c.DossierId == dossier.Id).Select(c => c.UnitName).ToListAsync(cancellationToken);
                    var rows = new List<IReadOnlyList<string>>();
                    for (var i = 1; i < steps.Count; i++)
                    {
                        var giver = steps[i - 1];
                        var receiver = steps[i];
                        rows.Add([
                            i.ToString(CultureInfo.InvariantCulture),
                        $"{giver.UnitName}{(giver.FinishedByName is null ? "" : " – " + giver.FinishedByName)}",
                        $"{receiver.UnitName}{(receiver.AssigneeName is null ? "" : " – " + receiver.AssigneeName)}",
                        ShortMoment(receiver.StartedAt),
                        ShortMoment(giver.Deadline),
                        giver.Timeliness?.Vietnamese() ?? "",
                        giver.Note ?? "",
                    ]);
                    }
                    var last = steps.LastOrDefault();
                    if (last?.FinishedAt is { } returned && last.Role == StepRole.Return)
                    {
                        rows.Add([(steps.Count).ToString(CultureInfo.InvariantCulture), $"{last.UnitName}{(last.FinishedByName is null ? "" : " – " + last.FinishedByName)}",
                        $"{(dossier.IsPerson ? "Ông/bà" : "Tổ chức")} {dossier.ApplicantName}", ShortMoment(returned), ShortMoment(last.Deadline),
                        last.Timeliness?.Vietnamese() ?? "", last.Note ?? ""]);
                    }
                    var blocks = new List<FormBlock>
                {
                    new FormField("Mã hồ sơ", dossier.Code!),
                    new FormField("Thủ tục", dossier.ProcedureName),
                    new FormField("Cơ quan (bộ phận) giải quyết hồ sơ", agency?.Name ?? ""),
                    new FormField("Cơ quan phối hợp giải quyết hồ sơ", consulted.Count == 0 ? "Không" : string.Join("; ", consulted.Distinct())),
                    new FormTable(["STT", "Bên giao", "Bên nhận", "Thời gian giao, nhận", "Hạn xử lý của bên giao", "Kết quả (trước hạn / đúng hạn / quá hạn)", "Ghi chú"], rows),
                };
                    return Make("05", time.GetUtcNow(), $"Mã hồ sơ: {dossier.Code}", blocks, []);
                }
        }
    }

    private async Task<DateTimeOffset?> LastEventAtAsync(Guid dossierId, string[] actions, CancellationToken cancellationToken) =>
        await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossierId && actions.Contains(e.Action))
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(cancellationToken);

    private async Task<string?> LastActorAsync(Guid dossierId, string[] actions, CancellationToken cancellationToken) =>
        await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossierId && actions.Contains(e.Action))
            .OrderByDescending(e => e.At).Select(e => e.ActorName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The place in the date line: the root unit's name without its administrative prefix.</summary>
    private static string Place(UnitTree tree)
    {
        var root = tree.Roots.Count > 0 ? tree.Roots[0].Name : "";
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố " })
        {
            if (root.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return root[prefix.Length..];
            }
        }
        return root;
    }

    public static string LongDate(DateTimeOffset at)
    {
        var local = at.ToVietnam();
        return $"ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}";
    }

    public static string LongMoment(DateTimeOffset at)
    {
        var local = at.ToVietnam();
        return $"{local.Hour:00} giờ {local.Minute:00} phút, {LongDate(at)}";
    }

    private static string ShortDate(DateTimeOffset? at) => at?.ToVietnam().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string ShortMoment(DateTimeOffset? at) => at?.ToVietnam().ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
