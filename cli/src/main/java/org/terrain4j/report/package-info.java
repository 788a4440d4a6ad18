/** Files the command line writes for people: CSV tables and PNG charts (XChart). */
package org.terrain4j.report;
