using MotCua.Domain.Organisation;

namespace MotCua.Core.Organisation;

/// <summary>A read-only snapshot of the organisation tree, for scope checks and tree displays.</summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, UnitNode> _byId;
    private readonly Dictionary<Guid, List<UnitNode>> _children;

    public UnitTree(IEnumerable<UnitNode> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _children = _byId.Values
            .Where(u => u.ParentId is not null)
            .GroupBy(u => u.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.AgencyCode, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList());
        Roots = _byId.Values.Where(u => u.ParentId is null || !_byId.ContainsKey(u.ParentId.Value))
            .OrderBy(u => u.AgencyCode, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<UnitNode> Roots { get; }

    public int Count => _byId.Count;

    public UnitNode? Find(Guid id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<UnitNode> ChildrenOf(Guid id) => _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public bool IsWithin(Guid unitId, Guid ancestorId) =>
        _byId.TryGetValue(unitId, out var unit) && _byId.TryGetValue(ancestorId, out var ancestor)
        && unit.Path.StartsWith(ancestor.Path, StringComparison.Ordinal);

    /// <summary>The unit and every unit below it, in tree order.</summary>
    public IEnumerable<UnitNode> Subtree(Guid rootId)
    {
        if (!_byId.TryGetValue(rootId, out var root))
        {
            yield break;
        }
        var stack = new Stack<UnitNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = ChildrenOf(node.Id);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Every unit in tree order (depth first, siblings by agency code).</summary>
    public IEnumerable<UnitNode> All() => Roots.SelectMany(r => Subtree(r.Id));

    /// <summary>"Tỉnh Quảng Ngãi › Xã Bình Sơn › Bộ phận Một cửa Xã Bình Sơn".</summary>
    public string PathName(Guid id)
    {
        var names = new List<string>();
        for (var node = Find(id); node is not null; node = node.ParentId is { } parent ? Find(parent) : null)
        {
            names.Add(node.Name);
        }
        names.Reverse();
        return string.Join(" › ", names);
    }
}

public sealed record UnitNode(Guid Id, Guid? ParentId, string Path, int Depth, string Name, UnitKind Kind, string AgencyCode, bool IsActive);
