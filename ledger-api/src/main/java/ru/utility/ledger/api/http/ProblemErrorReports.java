package ru.utility.ledger.api.http;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of every other error report valve of the host. Ordered last, so
 * it runs after Spring Boot's customizer, which adds a plain ErrorReportValve of its own.
 */
@Component
public class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof org.apache.catalina.core.StandardHost standardHost) {
                // Tomcat adds its own valve of this class when the host starts, unless one is there already.
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            boolean present = false;
            for (Valve valve : host.getPipeline().getValves()) {
                present |= valve instanceof ProblemErrorReportValve;
            }
            if (!present) {
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
