using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Catalogue;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Core.Organisation;
using MotCua.Domain.Organisation;
using MotCua.Domain.Text;

namespace MotCua.Core.Connectors.Npsp;

/// <summary>
/// Online dossiers forwarded by the national portal: the request must be signed with the shared secret
/// (<see cref="NpspSignature"/>); the same NPSP id sent twice gives the same dossier. The dossier waits
/// at the receiving desk as "submitted" until an officer checks and accepts (or refuses) it.
/// </summary>
public sealed class NpspInbound(
    IOptions<NpspOptions> options,
    ReceptionService reception,
    MotCuaDbContext db,
    CatalogueIndex catalogue,
    UnitTreeSource trees,
    TimeProvider time)
{
    public async Task<(NpspReceipt Receipt, bool Created)> SubmitAsync(string body, string? clientId, string? timestamp, string? signature, CancellationToken cancellationToken)
    {
        var npsp = options.Value;
        if (!npsp.Enabled)
        {
            throw new ProblemException(503, "connector_disabled", "Kết nối Cổng Dịch vụ công quốc gia chưa được bật");
        }
        if (clientId != npsp.ClientId || !NpspSignature.Verify(npsp.Secret, timestamp, signature, body, time.GetUtcNow(), npsp.ClockSkew))
        {
            throw new ProblemException(401, "invalid_signature", "Chữ ký yêu cầu không hợp lệ",
                "Yêu cầu phải có X-Client-Id, X-Timestamp (lệch không quá vài phút) và X-Signature đúng với khóa bí mật dùng chung.");
        }
        NpspIncomingDossier? incoming;
        try
        {
            incoming = JsonSerializer.Deserialize<NpspIncomingDossier>(body);
        }
        catch (JsonException)
        {
            incoming = null;
        }
        if (incoming is null || string.IsNullOrWhiteSpace(incoming.NpspId) || incoming.NpspId.Length > 60)
        {
            throw ProblemException.BadRequest("invalid_body", "Nội dung hồ sơ không hợp lệ", "Cần MaHoSoQG (tối đa 60 ký tự) và các trường của hồ sơ theo định dạng JSON.");
        }

        var tree = await trees.GetAsync(cancellationToken);
        var desk = tree.All()
            .Where(u => u.IsActive && u.AgencyCode == incoming.ReceivingAgencyCode?.Trim())
            .OrderBy(u => u.Kind is UnitKind.OneStopDesk or UnitKind.ServiceCentre ? 0 : 1)
            .FirstOrDefault();
        if (desk is null)
        {
            throw new ProblemException(400, "validation_failed", "Dữ liệu không hợp lệ", "Không tìm thấy cơ quan tiếp nhận có mã này.",
                new Dictionary<string, string[]> { ["MaCoQuanTiepNhan"] = ["Không tìm thấy cơ quan tiếp nhận có mã này."] });
        }
        var documents = await DocumentsAsync(incoming, cancellationToken);
        var applicant = incoming.Applicant;
        var request = new ReceiveDossierRequest(
            incoming.ProcedureCode,
            "online",
            applicant is null ? null : new ApplicantInput(
                applicant.Kind is "2" or "organisation" ? "organisation" : "person",
                applicant.FullName, applicant.PersonalId, applicant.EnterpriseCode, applicant.Phone, applicant.Email, applicant.Address),
            desk.Id,
            null,
            documents.Inputs,
            string.Join(" ", new[] { incoming.Note, documents.Unmatched }.Where(n => !string.IsNullOrWhiteSpace(n))));
        var npspId = incoming.NpspId.Trim();
        ReceptionResult result;
        try
        {
            result = await reception.ReceiveAsync(request, null, desk.Id, npspId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The portal retried while the first delivery was being saved: that one won.
            db.ChangeTracker.Clear();
            var winner = await db.Set<Dossier>().AsNoTracking().FirstOrDefaultAsync(d => d.NpspId == npspId, cancellationToken);
            if (winner is null)
            {
                throw;
            }
            result = new ReceptionResult(winner, true);
        }
        var dossier = result.Dossier;
        return (new NpspReceipt(dossier.Code, npspId, Domain.Dossiers.DossierTerms.NpspCode(dossier.Status), NpspSignature.Date(dossier.DueAt)), !result.Replayed);
    }

    /// <summary>The portal names components by their text; they are matched to the procedure's list.</summary>
    private async Task<(List<DocumentInput> Inputs, string? Unmatched)> DocumentsAsync(NpspIncomingDossier incoming, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.GetAsync(cancellationToken);
        if (incoming.ProcedureCode is not { } code || !snapshot.ByCode.TryGetValue(code.Trim(), out var position))
        {
            return ([], null);
        }
        var versionId = snapshot.Entries[position].VersionId;
        var components = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => v.Components)
            .FirstAsync(cancellationToken);
        var inputs = new List<DocumentInput>();
        var unmatched = new List<string>();
        foreach (var given in incoming.Components ?? [])
        {
            var name = VietnameseText.Fold(given.Name ?? "");
            var match = components.FirstOrDefault(c => VietnameseText.Fold(c.Name) == name);
            if (match is null)
            {
                if (!string.IsNullOrWhiteSpace(given.Name))
                {
                    unmatched.Add(VietnameseText.Normalize(given.Name));
                }
                continue;
            }
            inputs.Add(new DocumentInput(match.Id, given.Copies ?? 1, given.Original, null));
        }
        return (inputs, unmatched.Count == 0 ? null : $"Giấy tờ khác kèm theo: {string.Join("; ", unmatched)}.");
    }
}
