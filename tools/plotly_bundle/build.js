// Builds analysis/assets/plotly-report.min.js (+ its manifest plotly-report.json) from
// entry.js: `node build.js [OUT_DIR]`.  Run through build.sh, which installs the pinned
// packages first (see its header).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

// Trace types registered by entry.js (`scatter` comes with plotly.js core).
const TRACES = ['bar', 'choropleth', 'heatmap', 'scatter', 'scattergeo'];

const HERE = __dirname;
// output folder: the first argument, else the package's assets folder
const ASSETS = path.resolve(process.argv[2] || path.join(HERE, '..', '..', 'analysis', 'assets'));
const OUT = path.join(ASSETS, 'plotly-report.min.js');
const MANIFEST = path.join(ASSETS, 'plotly-report.json');
const PLOTLY_DIR = path.dirname(require.resolve('plotly.js/package.json'));
const VERSION = require('plotly.js/package.json').version;

function checkEntry() {
    const src = fs.readFileSync(path.join(HERE, 'entry.js'), 'utf8');
    const required = [...src.matchAll(/require\('plotly\.js\/lib\/([a-z0-9]+)'\)/g)]
        .map((m) => m[1])
        .filter((name) => name !== 'core');
    const listed = TRACES.filter((t) => t !== 'scatter');
    if (required.sort().join(',') !== listed.sort().join(',')) {
        throw new Error(`entry.js registers [${required}] but TRACES lists [${listed}]`);
    }
}

function banner() {
    // plotly.js's own licence header, as on its dist files, plus one line saying what
    // this bundle holds
    const dist = fs.readFileSync(path.join(PLOTLY_DIR, 'dist', 'plotly.min.js'), 'utf8');
    const header = dist.slice(0, dist.indexOf('*/') + 2);
    if (!header.startsWith('/**') || !header.includes(`plotly.js v${VERSION}`)) {
        throw new Error('could not find the licence header of plotly.js dist/plotly.min.js');
    }
    const lines = header.split('\n');
    lines.splice(2, 0, `* partial bundle for the newsdesk report; trace types: ${TRACES.join(', ')}`);
    return lines.join('\n');
}

// plotly.js's registry requires maplibre-gl's stylesheet for `map` subplots (the
// official build inlines it with a CSS plugin).  No trace in this bundle uses a `map`
// subplot, so the stylesheet is replaced by an empty module.
const noMapCss = {
    name: 'no-maplibre-css',
    setup(build) {
        build.onResolve({ filter: /^maplibre-gl\/dist\/maplibre-gl\.css$/ }, (args) => {
            if (TRACES.some((t) => /^(scatter|choropleth|density)map$/.test(t))) {
                throw new Error(`${args.path} is needed by a map trace; add a CSS plugin`);
            }
            return { path: args.path, namespace: 'empty-css' };
        });
        build.onLoad({ filter: /.*/, namespace: 'empty-css' }, () => ({
            contents: '',
            loader: 'js',
        }));
    },
};

async function main() {
    checkEntry();
    const result = await esbuild.build({
        entryPoints: [path.join(HERE, 'entry.js')],
        bundle: true,
        write: false,
        format: 'iife',
        globalName: 'Plotly',
        minify: true,
        target: 'es2016',
        charset: 'utf8',
        legalComments: 'eof',
        define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
        banner: { js: banner() },
        footer: { js: 'window.Plotly=Plotly;' },
        plugins: [noMapCss],
        logLevel: 'warning',
    });
    let code = result.outputFiles[0].text;
    if (/<\/script/i.test(code)) {
        throw new Error("bundle contains '</script'; it could not be inlined in a page");
    }
    if (!code.endsWith('\n')) code += '\n';
    fs.mkdirSync(ASSETS, { recursive: true });
    fs.writeFileSync(OUT, code, 'utf8');
    const sha256 = crypto.createHash('sha256').update(code, 'utf8').digest('hex');
    const manifest = {
        file: path.basename(OUT),
        plotlyjs_version: VERSION,
        traces: [...TRACES].sort(),
        sha256,
        bytes: Buffer.byteLength(code, 'utf8'),
        esbuild_version: esbuild.version,
        entry: 'tools/plotly_bundle/entry.js',
    };
    fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
    console.log(`wrote ${OUT} (${manifest.bytes} bytes, sha256 ${sha256})`);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
