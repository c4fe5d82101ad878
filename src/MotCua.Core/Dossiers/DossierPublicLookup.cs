using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

/// <summary>
/// What a citizen sees with the code and the last four digits of the phone given at reception: status, due
/// moment, current step and agency; nothing personal. The portal's busiest read, so it is one precompiled
/// query on the unique code index and depends on nothing but the context.
/// </summary>
public sealed class DossierPublicLookup(MotCuaDbContext db)
{
    private static readonly Func<MotCuaDbContext, string, string, Task<Row?>> Query = EF.CompileAsyncQuery(
        (MotCuaDbContext db, string code, string phoneLast4) => db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Code == code && d.PhoneLast4 == phoneLast4)
            .Select(d => new Row(
                d.Code!,
                d.ProcedureName,
                d.Status,
                d.Channel,
                d.ReceivedAt,
                d.DueAt,
                d.Apologized,
                d.ApologyReason,
                d.FinishedAt,
                d.ReturnedAt,
                db.Set<DossierStep>().Where(s => s.DossierId == d.Id && s.FinishedAt == null).Select(s => s.Name).FirstOrDefault(),
                db.Units.Where(u => u.Id == d.CurrentUnitId).Select(u => u.Name).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>Null when the code and the digits do not match a dossier.</summary>
    public async Task<PublicDossierView?> FindAsync(string code, string phoneLast4)
    {
        var row = await Query(db, code, phoneLast4);
        if (row is null)
        {
            return null;
        }
        var final = row.Status.IsFinal();
        return new PublicDossierView(row.Code, row.ProcedureName, row.Status.Key(), row.Status.Vietnamese(), row.Channel.Key(), row.ReceivedAt, row.DueAt,
            final ? null : row.Step, final ? null : row.Agency, row.Apologized, row.ApologyReason, row.FinishedAt, row.ReturnedAt);
    }

    private sealed record Row(
        string Code,
        string ProcedureName,
        DossierStatus Status,
        Channel Channel,
        DateTimeOffset? ReceivedAt,
        DateTimeOffset? DueAt,
        bool Apologized,
        string? ApologyReason,
        DateTimeOffset? FinishedAt,
        DateTimeOffset? ReturnedAt,
        string? Step,
        string? Agency);
}
