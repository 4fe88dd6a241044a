package dev.least.policy.okta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code knowledge} or {@code possession} half of one {@code verificationMethod.constraints}
 * object ({@code AccessPolicyConstraint}, {@code KnowledgeConstraint}, {@code
 * PossessionConstraint}).
 *
 * @param types authenticator types ({@code SECURITY_KEY}, {@code PHONE}, {@code EMAIL}, {@code
 *     PASSWORD}, {@code SECURITY_QUESTION}, {@code APP}, {@code FEDERATED}); empty = any
 * @param methods methods ({@code PASSWORD}, {@code SMS}, {@code PUSH}, {@code SIGNED_NONCE}, …);
 *     empty = any
 * @param required whether the half must be met (SPEC default true)
 * @param reauthenticateIn ISO-8601 duration overriding the method-level one, when set
 * @param phishingResistant {@code phishingResistant: REQUIRED}
 * @param deviceBound {@code deviceBound: REQUIRED}
 * @param hardwareProtection {@code hardwareProtection: REQUIRED}
 * @param userVerification {@code userVerification: REQUIRED}
 */
public record FactorConstraint(
    List<String> types,
    List<String> methods,
    boolean required,
    @Nullable String reauthenticateIn,
    boolean phishingResistant,
    boolean deviceBound,
    boolean hardwareProtection,
    boolean userVerification) {
  public FactorConstraint {
    types = List.copyOf(types);
    methods = List.copyOf(methods);
  }

  /** A required half with no property beyond "some factor of this kind". */
  public static FactorConstraint any() {
    return new FactorConstraint(List.of(), List.of(), true, null, false, false, false, false);
  }
}
