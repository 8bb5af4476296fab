package io.forewarn.dissemination.cap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import java.security.GeneralSecurityException;
import java.security.KeyException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The enveloped XML Signature of a CAP alert (CAP 1.2, 3.3.2.1): RSA with SHA-256 over the whole alert (reference
 * {@code ""}, the enveloped-signature transform, exclusive canonicalisation), the signer's public key in
 * {@code KeyInfo}, the {@code Signature} element last in {@code alert}, where the schema allows elements of
 * other namespaces. Verification accepts exactly that shape and nothing looser, so a signature over some
 * other part of the document (a wrapping attack) does not pass.
 */
public final class CapSignature {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private CapSignature() {
    }

    /** The alert as a signed CAP 1.2 document, UTF-8. */
    public static byte[] signed(CapAlert alert, KeyPair key) {
        // signed as a receiver will read it: a DOM built in memory lacks the namespace declarations that
        // serialising adds, and its canonical form, hence its digest, would differ from the document sent
        Document document = CapDocuments.parse(CapWriter.bytes(alert));
        try {
            Reference whole = FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
            SignedInfo signedInfo = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(whole));
            KeyInfoFactory keys = FACTORY.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newKeyValue(key.getPublic())));
            FACTORY.newXMLSignature(signedInfo, keyInfo).sign(new DOMSignContext(key.getPrivate(), document.getDocumentElement()));
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the CAP alert: " + e.getMessage(), e);
        }
        return CapDocuments.bytes(document);
    }

    /**
     * Verifies the signature of a CAP document against the key given, or, when none is, against the key the document
     * carries (which proves the document unchanged since it was signed, not who signed it). Returns the key it
     * verified with; throws {@link CapFormatException} saying why when it does not verify.
     */
    public static PublicKey verify(byte[] xml, Optional<PublicKey> trusted) {
        Document document = CapDocuments.parse(xml);
        Element alert = document.getDocumentElement();
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            throw new CapFormatException(signatures.getLength() == 0 ? "the document is not signed"
                    : "the document holds " + signatures.getLength() + " signatures; a CAP alert is signed once");
        }
        Element signature = (Element) signatures.item(0);
        if (signature.getParentNode() != alert) {
            throw new CapFormatException("the signature is not an element of <alert> itself");
        }
        try {
            PublicKey[] used = new PublicKey[1];
            DOMValidateContext context = new DOMValidateContext(new KeyChoice(trusted, used), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature parsed = FACTORY.unmarshalXMLSignature(context);
            List<?> references = parsed.getSignedInfo().getReferences();
            if (references.size() != 1 || !"".equals(((Reference) references.get(0)).getURI())
                    || !SignatureMethod.RSA_SHA256.equals(parsed.getSignedInfo().getSignatureMethod().getAlgorithm())) {
                throw new CapFormatException("the signature must cover the whole alert (one reference, URI \"\") with RSA-SHA256");
            }
            if (!parsed.validate(context)) {
                boolean valueHolds = parsed.getSignatureValue().validate(context);
                throw new CapFormatException(valueHolds
                        ? "the signature does not verify: the alert was changed after it was signed"
                        : "the signature does not verify: it was not made with this key, or the signature was changed");
            }
            return used[0];
        } catch (MarshalException | XMLSignatureException e) {
            throw new CapFormatException("the signature cannot be read: " + e.getMessage(), e);
        }
    }

    /** The trusted key when there is one, else the key the signature carries; the one used is kept. */
    private static final class KeyChoice extends KeySelector {

        private final Optional<PublicKey> trusted;
        private final PublicKey[] used;

        KeyChoice(Optional<PublicKey> trusted, PublicKey[] used) {
            this.trusted = trusted;
            this.used = used;
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            PublicKey key = trusted.isPresent() ? trusted.get() : carried(keyInfo);
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new KeySelectorException("the key is " + key.getAlgorithm() + ", not RSA");
            }
            used[0] = key;
            return () -> key;
        }

        private static PublicKey carried(KeyInfo keyInfo) throws KeySelectorException {
            if (keyInfo != null) {
                for (XMLStructure content : keyInfo.getContent()) {
                    if (content instanceof KeyValue value) {
                        try {
                            return value.getPublicKey();
                        } catch (KeyException e) {
                            throw new KeySelectorException("the key in the signature cannot be read: " + e.getMessage(), e);
                        }
                    }
                }
            }
            throw new KeySelectorException("the signature carries no key and none was given");
        }
    }
}
