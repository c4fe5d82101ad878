using Microsoft.EntityFrameworkCore;
using MotCua.Core.Audit;
using MotCua.Core.Catalogue;
using MotCua.Core.Data;
using MotCua.Core.Dossiers;
using MotCua.Core.Notifications;
using MotCua.Core.Reports;
using MotCua.Testing;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// A save is written whole or not at all, on PostgreSQL through <see cref="InsertBatch"/> (one batch of inserts,
/// no explicit transaction) as on SQLite through EF Core.
/// </summary>
public sealed class SaveAtomicityTests(DossierApp app) : IClassFixture<DossierApp>
{
    [Fact]
    public async Task ASaveThatFailsOnItsLastRow_WritesNoneOfItsRows()
    {
        var staff = await app.StaffAsync();
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var (dossiers, events) = await CountsAsync();

        var copy = await app.WithDbAsync(async db =>
        {
            var received = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Code == code);
            var firstEvent = await db.Set<DossierEvent>().AsNoTracking().FirstAsync(e => e.DossierId == received.Id);
            received.Id = Guid.CreateVersion7();
            received.Code = code + "B";
            db.Add(received);
            db.Add(new AuditPendingEntry { At = received.CreatedAt, Action = "dossier.receive", TargetType = "dossier", TargetId = received.Code, ActorName = "kiểm thử", Details = "bản sao" });
            // Inserted after the dossier it belongs to, and refused: its id is already taken.
            db.Add(new DossierEvent { Id = firstEvent.Id, DossierId = received.Id, At = received.CreatedAt, Action = "receive", ToStatus = received.Status });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return received;
        });

        Assert.Equal((dossiers, events), await CountsAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<Dossier>().AnyAsync(d => d.Id == copy.Id)));
        Assert.False(await app.WithDbAsync(async db => await db.Set<AuditPendingEntry>().AnyAsync(a => a.TargetId == copy.Code)
            || await db.AuditEntries.AnyAsync(a => a.TargetId == copy.Code)));
    }

    [Fact]
    public async Task OnPostgres_TheReceptionsRows_AreWrittenByTheInsertBatch()
    {
        if (app.Database.Provider != "Postgres")
        {
            Assert.Equal("Sqlite", app.Database.Provider);
            return;
        }
        await app.WithDbAsync(db =>
        {
            InsertBatch.Table? Table(Type type) => InsertBatch.For(db.Model.FindEntityType(type)!);
            foreach (var type in new[] { typeof(Dossier), typeof(DossierDocument), typeof(DossierStep), typeof(DossierEvent), typeof(IdempotencyRecord), typeof(OutboxMessage), typeof(AuditPendingEntry) })
            {
                Assert.True(Table(type) is { GeneratesValues: false }, type.Name);
            }
            Assert.True(Table(typeof(FigureDelta))!.GeneratesValues);
            Assert.Null(Table(typeof(ProcedureVersion)));
            Assert.True(Table(typeof(DossierStep))!.Rank > Table(typeof(Dossier))!.Rank);
            return Task.FromResult(0);
        });
    }

    private Task<(int Dossiers, int Events)> CountsAsync() => app.WithDbAsync(async db => (await db.Set<Dossier>().CountAsync(), await db.Set<DossierEvent>().CountAsync()));
}
