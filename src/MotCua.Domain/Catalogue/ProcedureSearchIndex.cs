using System.Buffers;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Catalogue;

/// <summary>What search knows of one procedure.</summary>
public sealed record SearchDocument(string Code, string Name, IReadOnlyList<string> Keywords, string Field, string Agency, bool Abolished);

/// <summary>A ranked result: the document's position in the index, its score, and the folded name tokens that matched (for highlighting).</summary>
public sealed record SearchHit(int Index, double Score, IReadOnlyList<string> MatchedTokens);

/// <summary>One page of ranked results and how many were ranked in all (at most <see cref="ProcedureSearchIndex.MaxResults"/>).</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Catalogue search the way citizens ask. Ranking, best first: the code; the query as a phrase of the
/// name with the diacritics typed; the same without diacritics (đ ≡ d); a phrase editors keep as a
/// keyword of the procedure ("con mới đẻ", "sổ đỏ"); then weighted word overlap (name words count more
/// than keywords, which count more than field and agency) with a bonus for word pairs in order; words
/// typed wrong (one edit, a stray Telex tone key, two words run together) match with a penalty.
/// Immutable and thread-safe; build once per catalogue change.
/// </summary>
public sealed partial class ProcedureSearchIndex
{
    private const float NameWeight = 3f;
    private const float KeywordWeight = 2f;
    private const float OtherWeight = 0.6f;
    private const float StopWordFactor = 0.15f;
    private const float FuzzyWeight = 0.7f;
    private const float TelexWeight = 0.9f;
    private const float SplitWeight = 0.9f;
    private const int MaxQueryTokens = 24;
    /// <summary>Results ranked per query: the best by word score, then re-ranked with the phrase bonuses.</summary>
    public const int MaxResults = 200;

    // Words that carry no meaning about which procedure is wanted ("làm giấy tờ gì", "ở đâu", "như thế nào").
    private static readonly HashSet<string> StopWords =
        ["lam", "gi", "the", "nao", "can", "xin", "o", "dau", "cua", "cho", "va", "muon", "toi", "minh", "nhu", "phai", "khong",
         "duoc", "thi", "la", "nhung", "may", "bao", "nhieu", "o", "tu", "voi", "ve", "thu", "tuc", "giay", "to", "di", "hay", "nen", "sao", "nhe", "a", "oi"];

    [GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();

    private readonly SearchDocument[] _documents;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<string> _tokens = [];
    private readonly List<List<(int Document, float Weight)>> _postings = [];
    private readonly float[] _idf;
    private readonly Dictionary<long, List<int>> _bigrams = [];
    private readonly Dictionary<string, List<int>> _deletes = new(StringComparer.Ordinal);
    private readonly string[] _exactNames;
    private readonly string[] _foldedNames;
    private readonly string[][] _foldedKeywords;
    private readonly int[][] _nameTokenIds;
    private readonly int[][] _coreNameTokenIds;
    private readonly Dictionary<string, int> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public ProcedureSearchIndex(IReadOnlyList<SearchDocument> documents)
    {
        _documents = [.. documents];
        var count = _documents.Length;
        _exactNames = new string[count];
        _foldedNames = new string[count];
        _foldedKeywords = new string[count][];
        _nameTokenIds = new int[count][];
        _coreNameTokenIds = new int[count][];
        for (var d = 0; d < count; d++)
        {
            var document = _documents[d];
            _byCode.TryAdd(document.Code, d);
            _exactNames[d] = SearchText.ExactPhrase(document.Name);
            _foldedNames[d] = SearchText.FoldedPhrase(document.Name);
            _foldedKeywords[d] = document.Keywords.Select(SearchText.FoldedPhrase).Where(k => k.Length > 2).ToArray();
            var best = new Dictionary<int, float>();
            var nameIds = AddText(document.Name, NameWeight, best, d);
            _nameTokenIds[d] = nameIds;
            var parenthesis = document.Name.IndexOf('(', StringComparison.Ordinal);
            _coreNameTokenIds[d] = parenthesis > 0
                ? SearchText.Tokens(document.Name[..parenthesis]).Select(t => _vocabulary[SearchText.Fold(t)]).ToArray()
                : nameIds;
            foreach (var keyword in document.Keywords)
            {
                AddText(keyword, KeywordWeight, best, d);
            }
            AddText(document.Field, OtherWeight, best, d);
            AddText(document.Agency, OtherWeight, best, d);
            foreach (var (token, weight) in best)
            {
                _postings[token].Add((d, weight));
            }
        }
        _idf = _postings.Select(p => (float)Math.Log(1 + (count / (double)Math.Max(1, p.Count)))).ToArray();
        for (var id = 0; id < _tokens.Count; id++)
        {
            foreach (var variant in Deletes(_tokens[id]))
            {
                if (!_deletes.TryGetValue(variant, out var list))
                {
                    _deletes[variant] = list = [];
                }
                list.Add(id);
            }
        }
    }

    public int Count => _documents.Length;

    public SearchDocument this[int index] => _documents[index];

    private int[] AddText(string text, float weight, Dictionary<int, float> best, int document)
    {
        var ids = SearchText.Tokens(text).Select(t => Intern(SearchText.Fold(t))).ToArray();
        foreach (var id in ids)
        {
            best[id] = Math.Max(best.GetValueOrDefault(id), weight);
        }
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            var key = BigramKey(ids[i], ids[i + 1]);
            if (!_bigrams.TryGetValue(key, out var list))
            {
                _bigrams[key] = list = [];
            }
            if (list.Count == 0 || list[^1] != document)
            {
                list.Add(document);
            }
        }
        return ids;
    }

    private int Intern(string token)
    {
        if (!_vocabulary.TryGetValue(token, out var id))
        {
            id = _tokens.Count;
            _vocabulary[token] = id;
            _tokens.Add(token);
            _postings.Add([]);
        }
        return id;
    }

    private static long BigramKey(int first, int second) => ((long)first << 32) | (uint)second;

    private static IEnumerable<string> Deletes(string token)
    {
        if (token.Length < 3)
        {
            yield break;
        }
        for (var i = 0; i < token.Length; i++)
        {
            yield return token.Remove(i, 1);
        }
    }

    /// <summary>The best <paramref name="limit"/> documents that <paramref name="include"/> accepts; an empty query finds nothing.</summary>
    public IReadOnlyList<SearchHit> Search(string? query, Func<int, bool>? include = null, int limit = 20) =>
        Search(query, include, 0, limit).Hits;

    /// <summary>Ranks the documents that <paramref name="include"/> accepts and returns one page of them.</summary>
    public SearchResults Search(string? query, Func<int, bool>? include, int skip, int take)
    {
        var exactTokens = SearchText.Tokens(query);
        if (exactTokens.Count == 0 || _documents.Length == 0)
        {
            return new SearchResults(0, []);
        }
        if (exactTokens.Count > MaxQueryTokens)
        {
            exactTokens = exactTokens.GetRange(0, MaxQueryTokens);
        }
        var foldedTokens = exactTokens.Select(SearchText.Fold).ToList();
        var terms = Resolve(foldedTokens);

        var count = _documents.Length;
        var scores = ArrayPool<float>.Shared.Rent(count);
        var tokenBest = ArrayPool<float>.Shared.Rent(count);
        var stamps = ArrayPool<int>.Shared.Rent(count);
        var masks = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            Array.Clear(scores, 0, count);
            Array.Clear(stamps, 0, count);
            Array.Clear(masks, 0, count);
            var candidates = new List<int>();
            var touched = new List<int>();
            var meaningful = 0;
            for (var t = 0; t < terms.Count; t++)
            {
                var term = terms[t];
                if (!term.IsStopWord)
                {
                    meaningful++;
                }
                var stamp = t + 1;
                touched.Clear();
                foreach (var (id, weight) in term.Candidates)
                {
                    var factor = weight * _idf[id] * (term.IsStopWord ? StopWordFactor : 1f);
                    foreach (var (document, fieldWeight) in _postings[id])
                    {
                        var contribution = factor * fieldWeight;
                        if (stamps[document] != stamp)
                        {
                            stamps[document] = stamp;
                            tokenBest[document] = contribution;
                            touched.Add(document);
                        }
                        else if (contribution > tokenBest[document])
                        {
                            tokenBest[document] = contribution;
                        }
                    }
                }
                foreach (var document in touched)
                {
                    if (scores[document] == 0)
                    {
                        candidates.Add(document);
                    }
                    scores[document] += tokenBest[document];
                    if (!term.IsStopWord)
                    {
                        masks[document] |= 1UL << Math.Min(t, 63);
                    }
                }
            }

            // Word pairs in the order typed ("khai sinh", "kết hôn") tell near-namesakes apart.
            for (var t = 0; t + 1 < terms.Count; t++)
            {
                if (terms[t].Primary is not { } first || terms[t + 1].Primary is not { } second || terms[t].IsStopWord && terms[t + 1].IsStopWord)
                {
                    continue;
                }
                if (_bigrams.TryGetValue(BigramKey(first.Id, second.Id), out var documents))
                {
                    var bonus = 1.5f * first.Weight * second.Weight * (_idf[first.Id] + _idf[second.Id]) / 2;
                    foreach (var document in documents)
                    {
                        if (scores[document] > 0)
                        {
                            scores[document] += bonus;
                        }
                    }
                }
            }

            var exactQuery = " " + string.Join(' ', exactTokens) + " ";
            var foldedQuery = " " + string.Join(' ', foldedTokens) + " ";
            var typedDiacritics = exactQuery != foldedQuery;
            var queryIds = new HashSet<int>();
            foreach (var term in terms.Where(t => !t.IsStopWord))
            {
                foreach (var (id, _) in term.Candidates)
                {
                    queryIds.Add(id);
                }
            }

            // Word scores first, for every candidate; the phrase bonuses below only for the best of them:
            // a procedure with the query as a phrase has all its words, so it is among those already.
            var best = new PriorityQueue<int, float>(MaxResults + 1);
            foreach (var document in candidates)
            {
                if (include is not null && !include(document))
                {
                    continue;
                }
                var baseScore = scores[document] * Coverage(masks[document], meaningful);
                if (best.Count < MaxResults)
                {
                    best.Enqueue(document, baseScore);
                }
                else if (best.TryPeek(out _, out var lowest) && baseScore > lowest)
                {
                    best.DequeueEnqueue(document, baseScore);
                }
            }
            var shortlist = best.UnorderedItems.Select(i => i.Element).ToList();

            var results = new List<(int Document, float Score)>(shortlist.Count + 1);
            var code = query!.Trim();
            var byCode = CodePattern().IsMatch(code) && _byCode.TryGetValue(code, out var coded) && (include?.Invoke(coded) ?? true) ? coded : -1;
            if (byCode >= 0)
            {
                results.Add((byCode, 10_000f));
            }
            foreach (var document in shortlist)
            {
                if (document == byCode)
                {
                    continue;
                }
                var phrase = 0f;
                if (typedDiacritics && _exactNames[document].Contains(exactQuery, StringComparison.Ordinal))
                {
                    phrase = 60;
                }
                else if (_foldedNames[document].Contains(foldedQuery, StringComparison.Ordinal))
                {
                    phrase = 45;
                }
                phrase = Math.Max(phrase, KeywordPhraseBonus(document, foldedQuery, foldedTokens.Count));
                if (_foldedNames[document] == foldedQuery)
                {
                    phrase += 15;
                }
                var score = scores[document] + phrase + (20f * NameCoverage(document, queryIds));
                if (typedDiacritics)
                {
                    score += DiacriticBonus(document, exactTokens);
                }
                // Every bonus is scaled by how much of the query the procedure covers: leaving out a
                // meaningful word ("xóa", "lại", "nước ngoài") costs more than any phrase can win back.
                score *= Coverage(masks[document], meaningful);
                if (_documents[document].Abolished)
                {
                    score *= 0.5f;
                }
                results.Add((document, score));
            }
            results.Sort((a, b) =>
            {
                var byScore = b.Score.CompareTo(a.Score);
                if (byScore != 0)
                {
                    return byScore;
                }
                var byLength = _documents[a.Document].Name.Length.CompareTo(_documents[b.Document].Name.Length);
                return byLength != 0 ? byLength : string.CompareOrdinal(_documents[a.Document].Code, _documents[b.Document].Code);
            });
            var page = results.Skip(skip).Take(take)
                .Select(r => new SearchHit(r.Document, Math.Round(r.Score, 3), MatchedNameTokens(r.Document, queryIds)))
                .ToList();
            return new SearchResults(Math.Min(results.Count, MaxResults), page);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(tokenBest);
            ArrayPool<int>.Shared.Return(stamps);
            ArrayPool<ulong>.Shared.Return(masks);
        }
    }

    /// <summary>A keyword phrase inside the query ("con mới đẻ" in "con mới đẻ làm giấy tờ gì") or the query inside a keyword.</summary>
    private float KeywordPhraseBonus(int document, string foldedQuery, int queryTokens)
    {
        var best = 0f;
        foreach (var keyword in _foldedKeywords[document])
        {
            if (foldedQuery.Contains(keyword, StringComparison.Ordinal))
            {
                var keywordTokens = keyword.Count(c => c == ' ') - 1;
                best = Math.Max(best, 25f + (10f * keywordTokens / Math.Max(1, queryTokens)));
            }
            else if (queryTokens >= 2 && keyword.Contains(foldedQuery, StringComparison.Ordinal))
            {
                best = Math.Max(best, 20f);
            }
        }
        return best;
    }

    /// <summary>
    /// How much of the procedure's core name (before any parenthesis) the query accounts for: of several
    /// names containing "đăng ký kết hôn", the one that is only that comes first.
    /// </summary>
    private float NameCoverage(int document, HashSet<int> queryIds)
    {
        var core = _coreNameTokenIds[document];
        if (core.Length == 0)
        {
            return 0;
        }
        var covered = 0;
        foreach (var id in core)
        {
            if (queryIds.Contains(id))
            {
                covered++;
            }
        }
        return (float)covered / core.Length;
    }

    /// <summary>0.3 for a procedure matching none of the meaningful query words, 1 for all of them.</summary>
    private static float Coverage(ulong mask, int meaningful)
    {
        var coverage = meaningful == 0 ? 1f : (float)ulong.PopCount(mask) / meaningful;
        return 0.3f + (0.7f * coverage * coverage);
    }

    /// <summary>Words typed with the same diacritics as the name ("cấp" is not "cập").</summary>
    private float DiacriticBonus(int document, List<string> exactTokens)
    {
        var bonus = 0f;
        foreach (var token in exactTokens)
        {
            if (SearchText.Fold(token) != token && _exactNames[document].Contains(" " + token + " ", StringComparison.Ordinal))
            {
                bonus += 2f;
            }
        }
        return bonus;
    }

    private List<string> MatchedNameTokens(int document, HashSet<int> queryIds) =>
        _nameTokenIds[document].Where(queryIds.Contains).Select(id => _tokens[id]).Distinct().ToList();

    private sealed record Term(IReadOnlyList<(int Id, float Weight)> Candidates, bool IsStopWord)
    {
        public (int Id, float Weight)? Primary => Candidates.Count == 0 ? null : Candidates.MaxBy(c => c.Weight);
    }

    /// <summary>Maps each query word to index words: itself, a Telex slip, a one-edit neighbour, or two words typed together.</summary>
    private List<Term> Resolve(List<string> foldedTokens)
    {
        var terms = new List<Term>(foldedTokens.Count);
        foreach (var token in foldedTokens)
        {
            var stop = StopWords.Contains(token);
            if (_vocabulary.TryGetValue(token, out var id))
            {
                terms.Add(new Term([(id, 1f)], stop));
                continue;
            }
            // Telex typing leaves a tone key behind: "kys" for "ký", "sinhf".
            if (token.Length > 2 && "sfrxj".Contains(token[^1], StringComparison.Ordinal) && _vocabulary.TryGetValue(token[..^1], out var telex))
            {
                terms.Add(new Term([(telex, TelexWeight)], stop));
                continue;
            }
            var fuzzy = Neighbours(token);
            if (fuzzy.Count > 0)
            {
                terms.Add(new Term(fuzzy.Select(n => (n, FuzzyWeight)).ToList(), stop));
                continue;
            }
            var split = Split(token);
            if (split is { } pair)
            {
                terms.Add(new Term([(pair.First, SplitWeight)], false));
                terms.Add(new Term([(pair.Second, SplitWeight)], false));
                continue;
            }
            terms.Add(new Term([], stop));
        }
        return terms;
    }

    /// <summary>Index words one edit away (symmetric delete lookup, then the true distance).</summary>
    private List<int> Neighbours(string token)
    {
        var found = new HashSet<int>();
        if (token.Length < 3)
        {
            return [];
        }
        if (_deletes.TryGetValue(token, out var direct))
        {
            found.UnionWith(direct);
        }
        foreach (var variant in Deletes(token).Append(token))
        {
            if (_vocabulary.TryGetValue(variant, out var shorter))
            {
                found.Add(shorter);
            }
            if (_deletes.TryGetValue(variant, out var list))
            {
                found.UnionWith(list);
            }
        }
        return found.Where(id => SearchText.Distance(token, _tokens[id], 1) <= 1).ToList();
    }

    private (int First, int Second)? Split(string token)
    {
        for (var i = 2; i <= token.Length - 2; i++)
        {
            if (_vocabulary.TryGetValue(token[..i], out var first) && _vocabulary.TryGetValue(token[i..], out var second))
            {
                return (first, second);
            }
        }
        return null;
    }
}
