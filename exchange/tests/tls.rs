//! TLS with rustls, and mutual TLS: a client without a certificate from the configured CA
//! is refused at the handshake.

mod common;

use common::*;
use lex_exchange::tls::TlsConfig;
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};

struct Pki {
    ca_pem: String,
    server: (String, String),
    client: (String, String),
}

fn pki() -> Pki {
    let ca_key = KeyPair::generate().expect("key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).expect("ca");
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf = |names: Vec<String>| {
        let key = KeyPair::generate().expect("key");
        let cert = CertificateParams::new(names)
            .expect("params")
            .signed_by(&key, &issuer)
            .expect("signed");
        (cert.pem(), key.serialize_pem())
    };
    Pki {
        ca_pem: ca.pem(),
        server: leaf(vec!["localhost".into()]),
        client: leaf(vec!["dealer.example".into()]),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_and_mutual_tls() {
    install_provider();
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = pki();
    let w = |name: &str, text: &str| {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let (ca, cert, key) = (
        w("ca.pem", &p.ca_pem),
        w("s.pem", &p.server.0),
        w("s.key", &p.server.1),
    );
    let mut cfg = config(&tmp.path().join("x.db"), 2);
    cfg.tls = Some(TlsConfig {
        cert: cert.clone(),
        key: key.clone(),
        client_ca: None,
    });
    let s = start(cfg).await;
    let url = format!("https://localhost:{}", s.addr.port());
    let root = reqwest::Certificate::from_pem(p.ca_pem.as_bytes()).expect("ca");
    let c = reqwest::Client::builder()
        .tls_certs_only([root.clone()])
        .resolve("localhost", s.addr)
        .build()
        .expect("client");
    let m = lead(
        "5f0c6a1e-0000-4000-8000-0000000000a9",
        "LEAD-TLS-0001",
        "EXPRESSED_INTEREST",
    );
    assert_eq!(post_json(&c, &url, TOKEN_A, &m).await.0, 200, "over TLS");
    assert!(
        client()
            .get(format!("http://{}/v1/health", s.addr))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
            != 200,
        "plain HTTP is not served"
    );
    s.shutdown().await.expect("shutdown");

    let mut cfg = config(&tmp.path().join("y.db"), 2);
    cfg.tls = Some(TlsConfig {
        cert,
        key,
        client_ca: Some(ca),
    });
    let s = start(cfg).await;
    let url = format!("https://localhost:{}", s.addr.port());
    let anonymous = reqwest::Client::builder()
        .tls_certs_only([root.clone()])
        .resolve("localhost", s.addr)
        .build()
        .expect("client");
    assert!(
        anonymous
            .get(format!("{url}/v1/health"))
            .send()
            .await
            .is_err(),
        "no client certificate: refused"
    );
    let identity = reqwest::Identity::from_pem(format!("{}{}", p.client.0, p.client.1).as_bytes())
        .expect("identity");
    let dealer = reqwest::Client::builder()
        .tls_certs_only([root])
        .identity(identity)
        .resolve("localhost", s.addr)
        .build()
        .expect("client");
    let r = dealer
        .get(format!("{url}/v1/health"))
        .send()
        .await
        .expect("mutual TLS");
    assert_eq!(r.status().as_u16(), 200);
    s.shutdown().await.expect("shutdown");
}
