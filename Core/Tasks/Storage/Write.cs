using Kite.Core.Validation;

namespace Kite.Core.Tasks.Storage;

/// <summary><c>io.kestra.plugin.core.storage.Write</c>: writes content to an internal-storage file; outputs its uri.</summary>
public sealed class Write : RunnableTask
{
    [Required]
    public string Content { get; set; } = "";

    public string Extension { get; set; } = ".ion";
}
