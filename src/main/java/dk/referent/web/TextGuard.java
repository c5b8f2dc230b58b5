package dk.referent.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dk.referent.shared.InvalidInput;

/**
 * Every text in every request body, in one place: no control characters other than line breaks and tabs (a NUL,
 * an escape sequence or a bell in a decision would end up in the minutes, the Markdown and the event log), and no
 * broken UTF-16 (a lone surrogate cannot be stored as UTF-8). Walks the body as read (records, lists, maps,
 * arrays) and answers 400 with the field's path, e.g. {@code attachments[0].title}. Only request bodies are
 * checked: events and views already stored are read as they are.
 */
@ControllerAdvice
class TextGuard extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    /** Throws {@link InvalidInput} naming the first text in {@code value} that is not allowed. */
    static void check(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            String problem = problem(text);
            if (problem != null) {
                throw new InvalidInput(path.isEmpty() ? "body" : path, problem);
            }
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                check(element, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                check(key, path, depth + 1);
                check(e.getValue(), join(path, key), depth + 1);
            }
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                check(array[i], path + "[" + i + "]", depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                check(read(c, value), join(path, c.getName()), depth + 1);
            }
        }
    }

    /** Why the text is refused, or null when it is fine. */
    static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return String.format("must not contain control characters (U+%04X at position %d); "
                        + "only line breaks and tabs are allowed", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (a lone surrogate at position " + i + ")";
            }
        }
        return null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // request records are package-private
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
