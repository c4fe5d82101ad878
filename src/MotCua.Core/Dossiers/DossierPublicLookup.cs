using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;
using MotCua.Domain.Dossiers;

namespace MotCua.Core.Dossiers;

/// <summary>
/// What a citizen sees with the code and the last four digits of the phone given at reception: status, due
/// moment, current step and agency; nothing personal. The portal's busiest read: served from
/// <see cref="PublicLookupCache"/> when the dossier was looked up recently and has not changed since, otherwise
/// one precompiled query on the unique code index.
/// </summary>
public sealed class DossierPublicLookup(MotCuaDbContext db, PublicLookupCache cache)
{
    private static readonly Func<MotCuaDbContext, string, Task<Row?>> Query = EF.CompileAsyncQuery(
        (MotCuaDbContext db, string code) => db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Code == code)
            .Select(d => new Row(
                d.Id,
                d.PhoneLast4,
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
        if (!cache.TryGet(code, out var entry))
        {
            var generation = cache.Generation;
            var row = await Query(db, code);
            if (row is null)
            {
                return null;
            }
            entry = new PublicLookupCache.Entry(row.Id, row.PhoneLast4, View(row));
            cache.Add(entry, generation);
        }
        return entry!.PhoneLast4 == phoneLast4 ? entry.View : null;
    }

    private static PublicDossierView View(Row row)
    {
        var final = row.Status.IsFinal();
        return new PublicDossierView(row.Code, row.ProcedureName, row.Status.Key(), row.Status.Vietnamese(), row.Channel.Key(), row.ReceivedAt, row.DueAt,
            final ? null : row.Step, final ? null : row.Agency, row.Apologized, row.ApologyReason, row.FinishedAt, row.ReturnedAt);
    }

    private sealed record Row(
        Guid Id,
        string? PhoneLast4,
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
