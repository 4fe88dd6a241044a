package dev.least.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.HrWorker;
import dev.least.model.Person;
import dev.least.model.PersonId;
import dev.least.model.Source;
import dev.least.model.WorkerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityJoinTest {
  static HrWorker worker(String id, String email) {
    return new HrWorker(
        id,
        email,
        "F",
        "L",
        WorkerStatus.ACTIVE,
        null,
        null,
        "Sales",
        "AE",
        null,
        null,
        null,
        null);
  }

  static Account account(String id, Source src, String login, String email, String employeeId) {
    return new Account(
        new AccountId(id),
        src,
        login,
        email,
        null,
        AccountStatus.ACTIVE,
        AccountKind.MEMBER,
        employeeId,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void joinsByEmployeeIdFirstThenCaseInsensitiveLoginOrEmail() {
    List<HrWorker> workers =
        List.of(worker("E1", "ada@contoso.com"), worker("E2", "grace@contoso.com"));
    List<Account> accounts =
        List.of(
            account("a1", Source.ENTRA, "someone.else@contoso.com", null, "E1"),
            account("a2", Source.OKTA, "ADA@Contoso.com", null, null),
            account("a3", Source.OKTA, "g.hopper", "Grace@CONTOSO.com", null),
            account("a4", Source.ENTRA, "svc-backup@contoso.com", null, null),
            account("a5", Source.ENTRA, "x@contoso.com", null, "E404"));
    IdentityJoin.Result r = IdentityJoin.join(workers, accounts);

    assertThat(r.matchedAccounts()).isEqualTo(3);
    assertThat(r.unmatchedAccounts()).extracting(a -> a.id().value()).containsExactly("a4", "a5");
    assertThat(r.joinRate()).isEqualTo(0.6);
    Person ada = r.people().get(0);
    assertThat(ada.id()).isEqualTo(new PersonId("E1"));
    assertThat(ada.accounts()).containsExactly(new AccountId("a1"), new AccountId("a2"));
    assertThat(r.people().get(1).accounts()).containsExactly(new AccountId("a3"));
    assertThat(r.people())
        .extracting(p -> p.id().value())
        .containsExactly("E1", "E2", "entra:a4", "entra:a5");
  }

  @Test
  void workersWithoutAccountsAreStillPeopleAndEmptyInputHasZeroRate() {
    IdentityJoin.Result r = IdentityJoin.join(List.of(worker("E1", null)), List.of());
    assertThat(r.people()).hasSize(1);
    assertThat(r.people().get(0).accounts()).isEmpty();
    assertThat(r.joinRate()).isZero();
  }
}
