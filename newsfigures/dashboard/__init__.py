"""Builders for the dashboard (app.py): selections (`filters`), Plotly figures (`charts`),
marked article text (`marking`), estimates (`estimates`), claims over a table
(`claims_frame`), and the launcher that keeps the dashboard on this machine (`serve`).
Streamlit is imported by app.py and `serve.main` only."""
