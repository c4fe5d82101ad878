using Microsoft.EntityFrameworkCore;
using MotCua.Core.Data;

namespace MotCua.Core.Audit;

public sealed record AuditVerification(bool IsValid, long Checked, long? FirstBrokenSequence, string Message);

/// <summary>Walks the whole chain and reports the first entry that was edited, inserted or removed.</summary>
public sealed class AuditVerifier(MotCuaDbContext db, AuditSealer sealer)
{
    private const int BatchSize = 5000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await sealer.SealAsync(cancellationToken);
        long expectedSequence = 1;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var from = expectedSequence;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence >= from)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return Broken(expectedSequence, $"Thiếu bản ghi số {expectedSequence}: chuỗi nhật ký đã bị xóa hoặc chèn.");
                }
                if (entry.PreviousHash != previous)
                {
                    return Broken(entry.Sequence, $"Bản ghi số {entry.Sequence} không nối tiếp bản ghi trước: chuỗi nhật ký đã bị sửa đổi.");
                }
                if (AuditChain.Compute(entry) != entry.Hash)
                {
                    return Broken(entry.Sequence, $"Nội dung bản ghi số {entry.Sequence} đã bị sửa đổi sau khi ghi.");
                }
                previous = entry.Hash;
                expectedSequence++;
            }
            if (batch.Count < BatchSize)
            {
                var total = expectedSequence - 1;
                return new AuditVerification(true, total, null, $"Toàn vẹn: đã kiểm tra {total:N0} bản ghi, không phát hiện sửa đổi.");
            }
        }

        AuditVerification Broken(long sequence, string message) =>
            new(false, expectedSequence - 1, sequence, message);
    }
}
