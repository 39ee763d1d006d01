/** Mail to people and groups; every caller sends from an async, retried process job. */
package io.aiactops.notification;
