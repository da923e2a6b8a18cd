package org.lodestar.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements that the current thread prepares while {@link #count} runs, by wrapping the application's
 * {@link DataSource}: a test asks how many statements a page costs. Outside {@link #count} it only passes calls on.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();

    /**
     * What {@code work} returned and how many statements it prepared on this thread, with their SQL (for a failing
     * test's message: which statements a page runs).
     */
    public record Counted<T>(T result, int statements, List<String> sql) {}

    public static <T> Counted<T> count(Callable<T> work) throws Exception {
        List<String> counter = new ArrayList<>();
        List<String> outer = COUNTING.get();
        COUNTING.set(counter);
        try {
            T result = work.call();
            return new Counted<>(result, counter.size(), List.copyOf(counter));
        } finally {
            COUNTING.set(outer);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection
                                && method.getName().equals("getConnection")
                        ? proxy(Connection.class, connection, StatementCounter::counting)
                        : result;
            });
        }
        return bean;
    }

    private static Object counting(Object connection, Method method, Object[] args) throws Throwable {
        if (STATEMENTS.contains(method.getName())) {
            List<String> counter = COUNTING.get();
            if (counter != null) {
                counter.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
            }
        }
        return invoke(connection, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor")
                    && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
