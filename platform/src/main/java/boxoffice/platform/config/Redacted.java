package boxoffice.platform.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text of a settings record, as a record's own {@code toString} writes it, with the values of
 * its secret components written as {@code ***}: settings are logged at start-up, secrets never.
 */
public final class Redacted {
  private Redacted() {}

  /** {@code Name[a=1, password=***, b=2]} for a record with components a, password and b. */
  public static String toString(Record settings, String... secrets) {
    List<String> hidden = List.of(secrets);
    Class<?> type = settings.getClass();
    StringJoiner text = new StringJoiner(", ", type.getSimpleName() + "[", "]");
    for (RecordComponent component : type.getRecordComponents()) {
      String name = component.getName();
      text.add(name + "=" + (hidden.contains(name) ? "***" : value(component, settings)));
    }
    return text.toString();
  }

  private static Object value(RecordComponent component, Record settings) {
    try {
      return component.getAccessor().invoke(settings);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
