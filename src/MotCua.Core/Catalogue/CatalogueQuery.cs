using Microsoft.EntityFrameworkCore;
using MotCua.Core.Common;
using MotCua.Core.Data;
using MotCua.Core.Files;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Text;

namespace MotCua.Core.Catalogue;

public sealed record ProcedureListQuery(string? Q, string? Field, string? Level, string? OnlineLevel, string? Agency, int Page, int PageSize);

public sealed record FormFile(Stream Content, string FileName, string ContentType);

/// <summary>Reads the catalogue: the public list and search (from the index), procedure pages, versions, forms.</summary>
public sealed class CatalogueQuery(MotCuaDbContext db, CatalogueIndex index, IFileStore files)
{
    public async Task<Page<ProcedureSummary>> ListAsync(ProcedureListQuery query, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var snapshot = await index.GetAsync(cancellationToken);
        var field = string.IsNullOrWhiteSpace(query.Field) ? null : query.Field.Trim().ToUpperInvariant();
        if (field is not null && snapshot.Fields.All(f => f.Code != field))
        {
            validation.Add("field", $"Không có lĩnh vực \"{query.Field}\".");
        }
        var level = string.IsNullOrWhiteSpace(query.Level) ? null : query.Level.Trim().ToLowerInvariant();
        if (level is not null && !CatalogueTerms.Levels.ContainsKey(level))
        {
            validation.Add("level", $"Cấp thực hiện \"{query.Level}\" không hợp lệ.");
        }
        var online = string.IsNullOrWhiteSpace(query.OnlineLevel) ? null : query.OnlineLevel.Trim().ToLowerInvariant();
        if (online is not null && !CatalogueTerms.OnlineLevels.ContainsKey(online))
        {
            validation.Add("onlineLevel", $"Mức độ trực tuyến \"{query.OnlineLevel}\" không hợp lệ.");
        }
        validation.ThrowIfInvalid();
        var agency = string.IsNullOrWhiteSpace(query.Agency) ? null : VietnameseText.Fold(query.Agency);

        bool Include(int i)
        {
            var entry = snapshot.Entries[i];
            return (field is null || entry.Summary.Field == field)
                && (level is null || entry.Levels.Contains(level))
                && (online is null || entry.Summary.OnlineLevel == online)
                && (agency is null || entry.FoldedAgency.Contains(agency, StringComparison.Ordinal));
        }

        var skip = (query.Page - 1) * query.PageSize;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var results = snapshot.Search.Search(query.Q, Include, skip, query.PageSize);
            var items = results.Hits
                .Select(h => snapshot.Entries[h.Index].Summary with { Score = h.Score, Matched = h.MatchedTokens })
                .ToList();
            return new Page<ProcedureSummary>(items, results.Total, query.Page, query.PageSize);
        }
        var matching = Enumerable.Range(0, snapshot.Entries.Count).Where(Include).ToList();
        return new Page<ProcedureSummary>(
            matching.Skip(skip).Take(query.PageSize).Select(i => snapshot.Entries[i].Summary).ToList(),
            matching.Count,
            query.Page,
            query.PageSize);
    }

    public async Task<IReadOnlyList<FieldSummary>> FieldsAsync(CancellationToken cancellationToken) =>
        (await index.GetAsync(cancellationToken)).Fields;

    /// <summary>The version in force of a published procedure (404 when none is in force).</summary>
    public async Task<ProcedureDetail> DetailAsync(string code, CancellationToken cancellationToken)
    {
        var snapshot = await index.GetAsync(cancellationToken);
        if (!snapshot.ByCode.TryGetValue(code.Trim(), out var position))
        {
            throw ProblemException.NotFound($"thủ tục mã {code}");
        }
        var entry = snapshot.Entries[position];
        var version = await db.ProcedureVersions.AsNoTracking().FirstAsync(v => v.Id == entry.VersionId, cancellationToken);
        return ProcedureContent.Detail(entry.Summary.Code, version, entry.Summary.FieldName, isCurrent: true);
    }

    /// <summary>Any version, drafts included (the editors' view).</summary>
    public async Task<ProcedureDetail> VersionAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ProcedureVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw ProblemException.NotFound("phiên bản thủ tục");
        var code = await db.Procedures.Where(p => p.Id == version.ProcedureId).Select(p => p.Code).FirstAsync(cancellationToken);
        var fieldName = await db.Fields.Where(f => f.Code == version.FieldCode).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) ?? version.FieldCode;
        var snapshot = await index.GetAsync(cancellationToken);
        var isCurrent = snapshot.ByCode.TryGetValue(code, out var position) && snapshot.Entries[position].VersionId == versionId;
        return ProcedureContent.Detail(code, version, fieldName, isCurrent);
    }

    /// <summary>A version's content in the editable input shape (the draft editor's starting point).</summary>
    public async Task<ProcedureInput> InputAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ProcedureVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw ProblemException.NotFound("phiên bản thủ tục");
        var code = await db.Procedures.Where(p => p.Id == version.ProcedureId).Select(p => p.Code).FirstAsync(cancellationToken);
        return ProcedureContent.ToInput(code, version);
    }

    /// <summary>The versions of a procedure, newest first; the public sees announced ones only.</summary>
    public async Task<IReadOnlyList<VersionSummary>> HistoryAsync(string code, bool includeDrafts, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw ProblemException.NotFound($"thủ tục mã {code}");
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureId == procedure.Id && (includeDrafts || v.State == VersionState.Announced))
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        var snapshot = await index.GetAsync(cancellationToken);
        var current = snapshot.ByCode.TryGetValue(code, out var position) ? snapshot.Entries[position].VersionId : (Guid?)null;
        return versions.Select(v => Summarise(code, v, v.Id == current)).ToList();
    }

    /// <summary>Versions waiting for an editor (drafts) or a reviewer (in review).</summary>
    public async Task<IReadOnlyList<VersionSummary>> WorkListAsync(VersionState state, CancellationToken cancellationToken)
    {
        var rows = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == state)
            .Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new { p.Code, Version = v })
            .OrderByDescending(x => x.Version.UpdatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        return rows.Select(r => Summarise(r.Code, r.Version, false)).ToList();
    }

    public async Task<FormFile?> FormAsync(string code, Guid componentId, Guid? versionId, CancellationToken cancellationToken)
    {
        Guid id;
        if (versionId is { } requested)
        {
            id = requested;
        }
        else
        {
            var snapshot = await index.GetAsync(cancellationToken);
            if (!snapshot.ByCode.TryGetValue(code, out var position))
            {
                return null;
            }
            id = snapshot.Entries[position].VersionId;
        }
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Id == id && v.State == VersionState.Announced && db.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == code))
            .FirstOrDefaultAsync(cancellationToken);
        var component = version?.Components.FirstOrDefault(c => c.Id == componentId);
        if (component?.FormFileKey is null)
        {
            return null;
        }
        var stream = await files.OpenAsync(component.FormFileKey, cancellationToken);
        return stream is null ? null : new FormFile(stream, component.FormFileName ?? "mau-don", component.FormContentType ?? "application/octet-stream");
    }

    private static VersionSummary Summarise(string code, ProcedureVersion v, bool isCurrent) => new(
        v.Id, code, v.Number, ProcedureContent.StateKey(v.State), v.Kind == VersionKind.Abolition ? "abolition" : "content", v.Name,
        v.DecisionNumber, v.DecisionDate, v.EffectiveDate, isCurrent, v.ReviewNote, v.CreatedBy, v.UpdatedAt);
}
