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
    public async Task ASaveOfManyNewRows_WritesThemAll_WithTheirValues()
    {
        var target = Guid.NewGuid().ToString("N");
        var at = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(7));
        await app.WithDbAsync(db =>
        {
            // More rows of one table than one statement takes on PostgreSQL.
            db.AddRange(Enumerable.Range(0, 250).Select(i => new AuditPendingEntry
            {
                At = at.AddSeconds(i),
                Action = "test.bulk",
                TargetType = "test",
                TargetId = target,
                ActorName = "kiểm thử",
                UnitId = i % 2 == 0 ? null : Guid.Empty,
                Details = $"Dòng {i}",
            }));
            return db.SaveChangesAsync();
        });
        // Sealed into the audit chain first, so that every row is in one table.
        await app.WithDbAsync(db => new AuditSealer(db).SealAsync(CancellationToken.None));
        var written = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.TargetId == target).OrderBy(a => a.At).ToListAsync());
        Assert.Equal(250, written.Count);
        Assert.Equal(at, written[0].At);
        Assert.Equal(at.AddSeconds(249), written[^1].At);
        Assert.Equal("Dòng 249", written[^1].Details);
        Assert.Null(written[0].UnitId);
        Assert.Equal(Guid.Empty, written[1].UnitId);
    }

    [Fact]
    public async Task SavesMadeTogether_OneFailing_TheOthersAreWritten_AndNothingOfTheFailingOne()
    {
        var staff = await app.StaffAsync();
        var code = (await staff.Reception.ReceiveAsync(await app.ReceptionAsync())).Code();
        var existing = await app.WithDbAsync(db => db.Set<DossierEvent>().AsNoTracking().FirstAsync(e => e.DossierId == db.Set<Dossier>().Single(d => d.Code == code).Id));

        // On PostgreSQL saves queued while a batch is written go out in one batch (InsertGroup): the failing one
        // must neither take the others down nor leave its first row behind. Each round releases 31 prepared
        // saves at once, so that they queue together.
        for (var round = 0; round < 3; round++)
        {
            var target = Guid.NewGuid().ToString("N");
            AuditPendingEntry Entry(string details) => new() { At = existing.At, Action = "test.group", TargetType = "test", TargetId = target, ActorName = "kiểm thử", Details = details };
            var ready = 0;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saves = Enumerable.Range(0, 31).Select(i => app.WithDbAsync(async db =>
            {
                if (i == 15)
                {
                    db.Add(Entry("hỏng"));
                    db.Add(new DossierEvent { Id = existing.Id, DossierId = existing.DossierId, At = existing.At, Action = "receive", ToStatus = existing.ToStatus });
                }
                else
                {
                    db.Add(Entry($"Dòng {i}"));
                }
                if (Interlocked.Increment(ref ready) == 31)
                {
                    go.SetResult();
                }
                await go.Task;
                await db.SaveChangesAsync();
                return i;
            })).ToList();
            var failed = await Assert.ThrowsAsync<DbUpdateException>(() => saves[15]);
            Assert.NotNull(failed.InnerException);
            Assert.Equal(30, (await Task.WhenAll(saves.Where((_, i) => i != 15))).Length);

            var written = await app.WithDbAsync(async db =>
                (await db.Set<AuditPendingEntry>().Where(a => a.TargetId == target).Select(a => a.Details).ToListAsync())
                    .Concat(await db.AuditEntries.Where(a => a.TargetId == target).Select(a => a.Details).ToListAsync()).Order().ToList());
            Assert.Equal(Enumerable.Range(0, 31).Where(i => i != 15).Select(i => $"Dòng {i}").Order(), written);
        }
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
