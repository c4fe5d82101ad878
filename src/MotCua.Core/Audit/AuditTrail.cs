using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Domain.Text;

namespace MotCua.Core.Audit;

/// <summary>
/// Records what the current command did and saves it with the command's changes in one transaction:
/// either both the change and its audit entry are written, or neither. Entries are written as pending
/// and sealed into the hash chain moments later by <see cref="AuditSealer"/>, so that commands do not
/// queue behind one global lock.
/// </summary>
public sealed class AuditTrail(MotCuaDbContext db, IActor actor, TimeProvider time, AuditSealSignal signal)
{
    private bool _recorded;

    public void Record(string action, string targetType, string? targetId, Guid? unitId, string details)
    {
        db.Add(new AuditPendingEntry
        {
            At = time.Now(),
            ActorId = actor.OfficerId,
            ActorName = Truncate(actor.Name, 100),
            IpAddress = actor.IpAddress,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            UnitId = unitId,
            Details = Truncate(PersonalDataMask.Mask(VietnameseText.Normalize(details)), 4000),
        });
        _recorded = true;
    }

    /// <summary>Saves tracked changes and the recorded entries together (in the caller's transaction when one is open).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (_recorded)
        {
            // Inside a caller's transaction the sealer may wake before the commit; it then finds the
            // entries on its next round.
            signal.Notify();
        }
        _recorded = false;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
