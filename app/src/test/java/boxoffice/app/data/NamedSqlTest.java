package boxoffice.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {
  @Test
  void namesBecomePositionsInOrderAndARepeatedNameKeepsEachOfItsPlaces() {
    NamedSql sql = NamedSql.parse("SELECT :a, :b_2, :a FROM t WHERE x = :b_2");

    assertThat(sql.jdbc()).isEqualTo("SELECT ?, ?, ? FROM t WHERE x = ?");
    assertThat(sql.positionsOf("a")).containsExactly(1, 3);
    assertThat(sql.positionsOf("b_2")).containsExactly(2, 4);
    assertThat(sql.names()).containsExactlyInAnyOrder("a", "b_2");
  }

  @Test
  void castsQuotesAndCommentsAreLeftAlone() {
    NamedSql sql =
        NamedSql.parse(
            "SELECT CAST(:ids AS uuid[]), :n::int, 'a :literal', \"col:x\" -- no :param\n"
                + "FROM t");

    assertThat(sql.jdbc())
        .isEqualTo(
            "SELECT CAST(? AS uuid[]), ?::int, 'a :literal', \"col:x\" -- no :param\nFROM t");
    assertThat(sql.names()).containsExactlyInAnyOrder("ids", "n");
  }

  @Test
  void anUnknownNameOrAPositionalParameterIsAMistake() {
    NamedSql sql = NamedSql.parse("SELECT :a");

    assertThatThrownBy(() -> sql.positionsOf("b")).hasMessageContaining(":b");
    assertThatThrownBy(() -> NamedSql.parse("SELECT ?"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedSql.parse("SELECT 'open"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBookingStatementParsesIntoTheParametersItIsBoundWith() {
    assertThat(NamedSql.parse(BookingStatement.SQL).names())
        .containsExactlyInAnyOrder(
            "id",
            "eventId",
            "userId",
            "quantity",
            "eventVersion",
            "ticketIds",
            "codes",
            "now",
            "outboxId",
            "outboxType",
            "payload",
            "key",
            "requestHash",
            "traceParent");
  }
}
