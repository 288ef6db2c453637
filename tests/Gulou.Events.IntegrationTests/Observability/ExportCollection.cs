using System.Collections;

namespace Gulou.Events.IntegrationTests.Observability;

/// <summary>What an in-memory exporter wrote, safe to read while the exporter still writes.</summary>
public sealed class ExportCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    /// <summary>Waits until something matching was exported; the exporters run when spans end, which may be after the answer.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, Action? flush = null)
    {
        for (var i = 0; i < 100; i++)
        {
            flush?.Invoke();
            var found = Snapshot().Where(match).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return [];
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
