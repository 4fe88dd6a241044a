package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.model.TenantSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Tenants and their guardrails. */
public final class TenantRepository {
  private final JdbcClient jdbc;
  private final Clock clock;

  public TenantRepository(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(requireNonNull(dataSource, "dataSource"));
    this.clock = requireNonNull(clock, "clock");
  }

  public Optional<Tenant> find(String name) {
    return jdbc.sql("SELECT id, name FROM tenants WHERE name = ?")
        .param(name)
        .query((rs, n) -> new Tenant(rs.getLong("id"), rs.getString("name")))
        .optional();
  }

  public Optional<Tenant> find(long id) {
    return jdbc.sql("SELECT id, name FROM tenants WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Tenant(rs.getLong("id"), rs.getString("name")))
        .optional();
  }

  /**
   * Locks the tenant's row until the transaction ends. Decisions (final approvals, rejections) take
   * it before changing any recommendation: each re-ranks open recommendations of the tenant, and
   * two at once could otherwise each hold a row the other re-ranks (a deadlock). Call inside a
   * transaction.
   */
  public void lockForDecision(long tenantId) {
    jdbc.sql("SELECT id FROM tenants WHERE id = ? FOR UPDATE")
        .param(tenantId)
        .query(Long.class)
        .list();
  }

  /** The tenant of that name, created if new. Call inside a transaction. */
  public Tenant findOrCreate(String name) {
    Optional<Tenant> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO tenants (name, created_at) VALUES (?, ?)")
        .params(name, Timestamps.of(clock.instant()))
        .update(keys, "id");
    return new Tenant(requireNonNull(keys.getKey(), "id").longValue(), name);
  }

  public List<Tenant> all() {
    return jdbc.sql("SELECT id, name FROM tenants ORDER BY name")
        .query((rs, n) -> new Tenant(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  public TenantSettings.Guardrails guardrails(long tenantId) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> policies = new ArrayList<>();
    jdbc.sql("SELECT kind, item FROM tenant_guardrails WHERE tenant_id = ? ORDER BY kind, item")
        .param(tenantId)
        .query(
            rs -> {
              String kind = rs.getString("kind");
              String value = rs.getString("item");
              switch (kind) {
                case "user" -> users.add(value);
                case "group" -> groups.add(value);
                case "policy" -> policies.add(value);
                default -> throw new IllegalStateException("unknown guardrail kind " + kind);
              }
            });
    return new TenantSettings.Guardrails(users, groups, policies);
  }

  /** Replaces the tenant's guardrails. Call inside a transaction. */
  public void replaceGuardrails(long tenantId, TenantSettings.Guardrails g) {
    jdbc.sql("DELETE FROM tenant_guardrails WHERE tenant_id = ?").param(tenantId).update();
    insert(tenantId, "user", g.protectedUsers());
    insert(tenantId, "group", g.protectedGroups());
    insert(tenantId, "policy", g.protectedPolicies());
  }

  private void insert(long tenantId, String kind, List<String> values) {
    for (String v : values.stream().distinct().toList()) {
      jdbc.sql("INSERT INTO tenant_guardrails (tenant_id, kind, item) VALUES (?, ?, ?)")
          .params(tenantId, kind, v)
          .update();
    }
  }
}
