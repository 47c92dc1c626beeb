using System.Text;
using Kite.Api.Problems;
using Kite.Core.Inputs;
using Kite.Data.Storage;

namespace Kite.Api.Executions;

/// <summary>
/// The file parts sent for one execution's FILE inputs (at creation or resume). Each is streamed into internal storage
/// where Kestra puts it, <c>.../executions/{id}/inputs/{inputId}/{fileName}</c>, and its URI becomes the input's value.
/// What was stored is remembered, so a refused request can leave no file behind.
/// </summary>
public sealed class InputFiles(IInternalStorage storage, ExecutionFiles execution, IEnumerable<Input>? definitions)
{
    private readonly HashSet<string> fileInputs = [.. (definitions ?? []).OfType<FileInput>().Select(i => i.Id)];
    private readonly Dictionary<string, StorageUri> stored = new(StringComparer.Ordinal);

    public string ExecutionId => execution.ExecutionId;

    public bool Any => stored.Count > 0;

    /// <summary>Stores one file part and returns its <c>kestra://</c> URI; 422 when the part names no FILE input or one already sent.</summary>
    public async Task<string> StoreAsync(string inputId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        if (!fileInputs.Contains(inputId))
        {
            throw ApiProblemException.Unprocessable(inputId, $"'{inputId}' was sent as a file part, but it is not a FILE input of this flow");
        }

        if (stored.ContainsKey(inputId))
        {
            throw ApiProblemException.Unprocessable(inputId, $"input '{inputId}' was sent as more than one file part; a FILE input takes one file");
        }

        var uri = StorageUri.ForInput(execution.Namespace, execution.FlowId, execution.ExecutionId, inputId, SafeName(fileName, inputId));
        stored[inputId] = uri;
        await storage.PutAsync(uri, content, cancellationToken);
        return uri.ToString();
    }

    /// <summary>Deletes every file stored so far; not cancellable, since it runs because the request failed.</summary>
    public async Task DiscardAsync()
    {
        foreach (var uri in stored.Values)
        {
            await storage.DeleteAsync(uri, CancellationToken.None);
        }

        stored.Clear();
    }

    /// <summary>
    /// The client's file name as one safe path segment: its last segment, with every character but letters, digits,
    /// '.', '-' and '_' replaced by '_' (so the URI needs no escaping); the input id when nothing usable is left.
    /// </summary>
    public static string SafeName(string fileName, string inputId)
    {
        var last = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        var safe = new StringBuilder(last.Length);
        foreach (var c in last.Length > 200 ? last[^200..] : last)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var name = safe.ToString();
        return name.Trim('.').Length == 0 ? inputId : name;
    }
}
