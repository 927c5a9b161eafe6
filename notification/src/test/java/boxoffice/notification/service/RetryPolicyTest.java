package boxoffice.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5));

  @RepeatedTest(20)
  void eachWaitIsBetweenHalfAndAllOfADoublingCeilingCappedAtTheMaximum() {
    assertThat(policy.delayAfter(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(policy.delayAfter(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(policy.delayAfter(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(policy.delayAfter(4)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    assertThat(policy.delayAfter(60)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
  }

  @Test
  void nonsensicalPoliciesAreRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
