namespace Kite.Core.Inputs;

/// <summary>Kestra's input (and flow output) types. ENUM and BOOLEAN are deprecated names of SELECT and BOOL.</summary>
public enum InputType
{
    String,
    Enum,
    Select,
    Multiselect,
    Int,
    Float,
    Boolean,
    Bool,
    Datetime,
    Date,
    Time,
    Duration,
    File,
    Json,
    Uri,
    Secret,
    Array,
    Yaml,
    Email,
}
