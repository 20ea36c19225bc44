// The standalone verifier: one static HTML file (tools/build-verifier.ts inlines this bundle) that
// an auditor saves and opens without Node, without a server, offline.
import { mountVerifier } from './verifier';

mountVerifier(document.getElementById('verifier') ?? document.body);
