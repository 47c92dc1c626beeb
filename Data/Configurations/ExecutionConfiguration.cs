using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

/// <summary>Every index starts with <c>deleted</c> and every query names it, so the planner always has the leading column.</summary>
internal sealed class ExecutionConfiguration : IEntityTypeConfiguration<ExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionRecord> execution)
    {
        execution.ToTable("executions");
        execution.HasKey(e => e.Id);
        execution.Property(e => e.State).HasMaxLength(16);
        // Bytewise, whatever the database's collation: a namespace prefix is then an index range (see the Api's SqlConditions).
        execution.Property(e => e.Namespace).UseCollation("C");
        foreach (var json in new[] { "Inputs", "Outputs", "Variables", "Labels", "Trigger", "StateHistory" })
        {
            execution.Property(json).HasColumnType("jsonb");
        }

        execution.HasIndex(e => new { e.Deleted, e.Namespace, e.FlowId, e.StartDate });
        execution.HasIndex(e => new { e.Deleted, e.State, e.StartDate });
        execution.HasIndex(e => new { e.Deleted, e.StartDate });
        execution.HasIndex(e => new { e.Deleted, e.EndDate });
        execution.HasIndex(e => new { e.Deleted, e.ParentId });
        // labels @> '[{"key":…,"value":…}]' filters; jsonb_ops, so any containment of the label list is served.
        execution.HasIndex(e => e.Labels).HasMethod("gin");
    }
}
