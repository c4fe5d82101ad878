using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Documents;

namespace MotCua.Core.Catalogue.Transfer;

/// <summary>The catalogue in force as an Excel workbook in the import format (<see cref="CatalogueSheet"/>).</summary>
public sealed class CatalogueExport(MotCuaDbContext db, TimeProvider time)
{
    public async Task<byte[]> ExcelAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var current = (await CatalogueIndex.CurrentVersionIdsAsync(db, today, cancellationToken)).Values.ToHashSet();
        var rows = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Announced && v.EffectiveDate <= today)
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new { p.Code, Version = v })
            .ToListAsync(cancellationToken);
        var inputs = rows.Where(r => current.Contains(r.Version.Id) && r.Version.Kind == VersionKind.Content)
            .OrderBy(r => r.Version.FieldCode, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => ProcedureContent.ToInput(r.Code, r.Version));
        return Spreadsheet.Write(CatalogueSheet.Write(inputs));
    }
}
