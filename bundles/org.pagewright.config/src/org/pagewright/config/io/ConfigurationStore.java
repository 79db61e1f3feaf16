package org.pagewright.config.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.pagewright.config.ConfigPackage;
import org.pagewright.config.Configuration;
import org.pagewright.config.util.ConfigResourceFactoryImpl;

/**
 * Saves and loads a {@link Configuration} as {@code .simcfg} XMI, inside or outside OSGi (the package and the resource
 * factory are registered on a private resource set, so no plugin registry is needed).
 */
public final class ConfigurationStore {
    public static final String FILE_EXTENSION = "simcfg";

    private static final Map<Object, Object> SAVE_OPTIONS = Map.of(
            XMLResource.OPTION_ENCODING, "UTF-8",
            XMLResource.OPTION_LINE_WIDTH, 120);

    private ConfigurationStore() {
    }

    /** A resource set that knows the configuration package and the .simcfg extension. */
    public static ResourceSet newResourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getPackageRegistry().put(ConfigPackage.eNS_URI, ConfigPackage.eINSTANCE);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(FILE_EXTENSION, new ConfigResourceFactoryImpl());
        return set;
    }

    /** The XMI text of a configuration. */
    public static byte[] toBytes(Configuration configuration) {
        Resource resource = detachedResource(configuration);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            resource.save(out, SAVE_OPTIONS);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the configuration to the file; a failure leaves no half-written file behind. */
    public static void save(Configuration configuration, Path file) throws IOException {
        byte[] bytes = toBytes(configuration);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Reads a configuration from a file. */
    public static Configuration load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, URI.createFileURI(file.toAbsolutePath().toString()));
        }
    }

    /**
     * Reads a configuration from a stream.
     *
     * @throws IOException naming the location when the text is not a .simcfg configuration
     */
    public static Configuration load(InputStream in, URI uri) throws IOException {
        Resource resource = newResourceSet().createResource(uri.fileExtension() == null
                ? uri.appendFileExtension(FILE_EXTENSION) : uri);
        try {
            resource.load(in, Map.of());
        } catch (IOException | RuntimeException e) {
            throw new IOException(uri + ": not a readable simulator configuration: " + e.getMessage(), e);
        }
        if (!resource.getErrors().isEmpty()) {
            Resource.Diagnostic first = resource.getErrors().get(0);
            throw new IOException(uri + ":" + first.getLine() + ":" + first.getColumn() + ": " + first.getMessage());
        }
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Configuration c)) {
            throw new IOException(uri + ": does not contain a simulator configuration");
        }
        return c;
    }

    /** Writes to a stream. */
    public static void save(Configuration configuration, OutputStream out) throws IOException {
        out.write(toBytes(configuration));
    }

    /** A resource holding a copy, so that saving never moves the caller's object into another resource. */
    private static Resource detachedResource(Configuration configuration) {
        Resource resource = newResourceSet().createResource(URI.createURI("memory:/configuration." + FILE_EXTENSION));
        resource.getContents().add(EcoreUtil.copy(configuration));
        return resource;
    }
}
